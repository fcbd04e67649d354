namespace VideoAspire.Processor.Runtime;

/// <summary>
/// The Runtime API loop: next, invoke the handler, post its response or its error, until shutdown. It moves bytes and
/// error types only; what an event means, and which outcomes are errors, is the handler's business. A handler that
/// throws is reported as an error named after the exception type, and the loop goes on with the next event.
/// </summary>
internal sealed class LambdaRuntimeLoop(
    RuntimeApiClient runtime, IInvocationHandler handler, IHostApplicationLifetime lifetime, ILogger<LambdaRuntimeLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (HttpRequestException e)
        {
            Log.RuntimeApiUnreachable(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>Serves invocations until <paramref name="stoppingToken"/> fires; throws <see cref="HttpRequestException"/> when the Runtime API fails.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var invocation = await runtime.NextAsync(stoppingToken);
                await InvokeOnceAsync(invocation, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    // The answer is posted even while shutting down: the handler has given its work back and Lambda must hear so.
    private async Task InvokeOnceAsync(Invocation invocation, CancellationToken stoppingToken)
    {
        InvocationResult result;
        try
        {
            result = await handler.HandleAsync(invocation, stoppingToken);
        }
#pragma warning disable CA1031 // every failure is reported to Lambda; the loop must go on
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InvocationFailed(logger, e, invocation.RequestId);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, RuntimeError.From(e, e.GetType().Name), CancellationToken.None);
            return;
        }

        if (result.Error is { } error)
        {
            Log.InvocationError(logger, invocation.RequestId, error.ErrorType, error.Message);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, RuntimeError.From(error), CancellationToken.None);
            return;
        }

        await runtime.RespondAsync(invocation.RequestId, result.Response!, CancellationToken.None);
    }
}
