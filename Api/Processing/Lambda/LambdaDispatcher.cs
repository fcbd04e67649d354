using System.Diagnostics;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Processing.Lambda;

/// <summary>
/// Dispatch by the rollout policy: Lambda jobs are invoked asynchronously with the versioned event (with the
/// W3C traceparent of this request); the rest go to the in-process worker. An invoke that still fails after
/// the HTTP client's retries marks the job FAILED with the reason: no job stays QUEUED forever.
/// </summary>
internal sealed class LambdaDispatcher(
    IServiceProvider services, InProcessDispatcher inProcess, JobStore jobs, ObjectStore objects,
    IOptions<ProcessingOptions> options, ILogger<LambdaDispatcher> logger) : IJobDispatcher
{
    public ProcessingMethod ChooseMethod(string jobId) =>
        RolloutPolicy.Choose(jobId, options.Value.Mode, options.Value.LambdaPercent);

    public async Task DispatchAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Method == ProcessingMethod.InProcess)
        {
            await inProcess.DispatchAsync(job, cancellationToken);
            return;
        }

        if (await SendAsync(job, cancellationToken) is { } failure)
        {
            await jobs.FailAsync(job.Id, null, new JobError("dispatch_failed", $"The Processor function could not be invoked: {failure}"), CancellationToken.None);
        }
    }

    /// <summary>
    /// Invokes the Processor with the job's event; the reason when that failed after the HTTP client's retries, else null.
    /// The sweep uses this directly: a job it dispatches again stays QUEUED when Lambda cannot be reached, for the next sweep.
    /// </summary>
    public async Task<string?> SendAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = ProcessorEvent.ForJob(job, objects.Bucket, Activity.Current?.Id).ToJson();
        try
        {
            // Typed clients are transient: one per use, as the factory intends (and AWS credentials are resolved only
            // once a Lambda job exists, so an Api without Lambda never needs them).
            await services.GetRequiredService<LambdaInvoker>().InvokeEventAsync(options.Value.FunctionName, payload, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is LambdaInvokeException or HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            Log.DispatchFailed(logger, e, job.Id);
            return e.Message;
        }
    }
}
