using System.Diagnostics;

namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>
/// One delivery of an event to the function: waits in the queue, is handed to an instance by "next", and
/// ends with the instance's response or error, or with a timeout when the deadline passes unanswered.
/// </summary>
#pragma warning disable CA1001 // the deadline's timer is disposed when the invocation ends; nothing else owns it
internal sealed class PendingInvocation(string function, byte[] payload, int attempt, ActivityContext parent)
{
    private readonly TaskCompletionSource<InvocationResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _deadline;

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public string Function => function;

    public byte[] Payload => payload;

    public int Attempt => attempt;

    /// <summary>The trace context of the Invoke request, so the delivery and the function join its trace.</summary>
    public ActivityContext Parent => parent;

    public Task<InvocationResult> Result => _result.Task;

    /// <summary>Starts the clock when an instance takes the invocation; an unanswered one times out like on Lambda.</summary>
    public void StartDeadline(TimeSpan timeout, TimeProvider timeProvider)
    {
        if (_result.Task.IsCompleted)
        {
            return; // Answered before the clock started.
        }

        _deadline = new CancellationTokenSource(timeout, timeProvider);
        _deadline.Token.Register(() => _result.TrySetResult(new InvocationResult(RequestId, function, attempt, true,
            InvocationResult.TimeoutErrorType,
            $$"""{"errorMessage":"Task timed out after {{timeout.TotalSeconds:0.##}} seconds","errorType":"{{InvocationResult.TimeoutErrorType}}"}""",
            timeProvider.GetUtcNow())));
    }

    /// <summary>Ends the invocation with the instance's answer; false when it had already ended (e.g. timed out).</summary>
    public bool TryEnd(bool error, string? errorType, string body, DateTimeOffset endedAt)
    {
        var ended = _result.TrySetResult(new InvocationResult(RequestId, function, attempt, error, errorType, body, endedAt));
        if (ended)
        {
            _deadline?.Dispose();
        }

        return ended;
    }
}
#pragma warning restore CA1001
