using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>
/// One function: a queue of invocations that its instances (processes polling "next") take one at a
/// time, the invocations in flight, and Lambda's handling of asynchronous events (retries on error).
/// </summary>
internal sealed class EmulatedFunction(
    string name, FunctionOptions function, LambdaEmulatorOptions emulator, InvocationLog log, TimeProvider timeProvider,
    ActivitySource activitySource, ILogger logger)
{
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();

    public string Name => name;

    public TimeSpan Timeout => function.Timeout;

    /// <summary>Queues one delivery and waits for its end (response, error or timeout).</summary>
    public async Task<InvocationResult> InvokeAsync(byte[] payload, ActivityContext parent, int attempt, CancellationToken cancellationToken)
    {
        var invocation = new PendingInvocation(name, payload, attempt, parent);
        await _queue.Writer.WriteAsync(invocation, cancellationToken);
        var result = await invocation.Result.WaitAsync(cancellationToken);
        log.Add(result);
        if (result.Error)
        {
            Log.InvocationFailed(logger, name, result.RequestId, attempt, result.ErrorType ?? "Unhandled");
        }

        return result;
    }

    /// <summary>
    /// An asynchronous invocation: delivered in the background (<see cref="LambdaEmulatorOptions.DeliveriesPerEvent"/>
    /// times), each delivery retried after a function error up to <see cref="LambdaEmulatorOptions.AsyncRetries"/> times.
    /// </summary>
    public void InvokeEvent(byte[] payload, ActivityContext parent, CancellationToken stopping)
    {
        for (var delivery = 0; delivery < emulator.DeliveriesPerEvent; delivery++)
        {
            _ = DeliverEventAsync(payload, parent, stopping);
        }
    }

    /// <summary>Hands the next invocation to an instance; its deadline starts now.</summary>
    public async Task<PendingInvocation> TakeNextAsync(CancellationToken cancellationToken)
    {
        var invocation = await _queue.Reader.ReadAsync(cancellationToken);
        _inFlight[invocation.RequestId] = invocation;
        _ = invocation.Result.ContinueWith(_ => _inFlight.TryRemove(invocation.RequestId, out var _), TaskScheduler.Default);
        return invocation;
    }

    /// <summary>The instance could not receive it (it hung up): queue it again, as if never taken.</summary>
    public void GiveBack(PendingInvocation invocation)
    {
        _inFlight.TryRemove(invocation.RequestId, out _);
        _queue.Writer.TryWrite(invocation);
    }

    public PendingInvocation? FindInFlight(string requestId) => _inFlight.GetValueOrDefault(requestId);

    /// <summary>A span from delivery to end, in the Invoke request's trace (the function's spans join it through the event).</summary>
    public Activity? StartDeliveryActivity(PendingInvocation invocation)
    {
        var previous = Activity.Current;
        var activity = activitySource.StartActivity($"lambda.invoke {name}", ActivityKind.Internal, invocation.Parent);
        Activity.Current = previous;
        activity?.SetTag("faas.invoked_name", name).SetTag("faas.invocation_id", invocation.RequestId)
            .SetTag("faas.attempt", invocation.Attempt);
        if (activity is not null)
        {
            _ = invocation.Result.ContinueWith(t =>
            {
                if (t.Result.Error)
                {
                    activity.SetStatus(ActivityStatusCode.Error, t.Result.ErrorType);
                }

                activity.Stop();
            }, TaskScheduler.Default);
        }

        return activity;
    }

    private async Task DeliverEventAsync(byte[] payload, ActivityContext parent, CancellationToken stopping)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var result = await InvokeAsync(payload, parent, attempt, stopping);
                if (!result.Error)
                {
                    return;
                }

                if (attempt > emulator.AsyncRetries)
                {
                    Log.EventDiscarded(logger, name, result.RequestId, attempt);
                    return;
                }

                await Task.Delay(emulator.RetryDelay, timeProvider, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The emulator is stopping; queued events go with it (they live in memory only).
        }
    }
}
