using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;

namespace VideoAspire.Processor.Runtime;

/// <summary>
/// The Runtime API loop: next, handle, respond (or report the error), forever. A handler that asks for a retry
/// (a job given back after a transient failure or at SIGTERM) ends its invocation as an error, so Lambda's retry
/// delivers the event again.
/// </summary>
internal sealed class LambdaRuntimeLoop(
    RuntimeApiClient runtime, ProcessorHandler handler, IHostApplicationLifetime lifetime, ILogger<LambdaRuntimeLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var invocation = await runtime.NextAsync(stoppingToken);
                await HandleAsync(invocation, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (HttpRequestException e)
        {
            Log.RuntimeApiUnreachable(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private async Task HandleAsync(Invocation invocation, CancellationToken stoppingToken)
    {
        object result;
        try
        {
            result = await handler.HandleAsync(invocation, stoppingToken);
        }
        catch (RetryRequestedException e)
        {
            Log.RetryRequested(logger, invocation.RequestId, e.Message);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, e, "Job.Retry", CancellationToken.None);
            return;
        }
        catch (InvalidEventException e)
        {
            Log.InvalidEvent(logger, invocation.RequestId, e.Message);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, e, "InvalidEvent", CancellationToken.None);
            return;
        }
#pragma warning disable CA1031 // every failure is reported to Lambda; the loop must go on
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InvocationFailed(logger, e, invocation.RequestId);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, e, e.GetType().Name, CancellationToken.None);
            return;
        }

        await runtime.RespondAsync(invocation.RequestId, result, CancellationToken.None);
    }
}
