using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Processing.Lambda;

/// <summary>
/// Sends jobs to the Processor function: an asynchronous invoke with the versioned event (and the W3C traceparent of
/// this request). When the invoke still fails after the HTTP client's retries, the error is <see cref="JobErrors"/>' for it.
/// </summary>
internal sealed class LambdaSender(
    IServiceProvider services, ObjectStore objects, IOptions<ProcessingOptions> options, ILogger<LambdaSender> logger) : IJobSender
{
    public ProcessingMethod Method => ProcessingMethod.Lambda;

    public async Task<JobError?> SendAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            // Typed clients are transient: one per use, as the factory intends (and AWS credentials are resolved only
            // once a Lambda job exists, so an Api without Lambda never needs them).
            await services.GetRequiredService<LambdaInvoker>().InvokeJobAsync(options.Value.FunctionName, job, objects.Bucket, cancellationToken);
            return null;
        }
        catch (LambdaInvokeException e)
        {
            Log.DispatchFailed(logger, e, job.Id);
            return JobErrors.From(e);
        }
    }

    public async Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await services.GetRequiredService<LambdaInvoker>().InvokeChunkAsync(options.Value.FunctionName, job, chunk, objects.Bucket, cancellationToken);
            return true;
        }
        catch (LambdaInvokeException e)
        {
            Log.DispatchFailed(logger, e, job.Id);
            return false;
        }
    }
}
