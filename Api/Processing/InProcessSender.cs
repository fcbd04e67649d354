using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Sends jobs to the worker inside this Api process: its bounded queue, a cache of the table.</summary>
internal sealed class InProcessSender(InProcessQueue queue, ILogger<InProcessSender> logger) : IJobSender
{
    public ProcessingMethod Method => ProcessingMethod.InProcess;

    /// <summary>Never refuses: a job that does not fit stays QUEUED in the table and the worker's next sweep takes it.</summary>
    public Task<string?> SendAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!queue.TryEnqueue(job.Id))
        {
            Log.QueueFull(logger, job.Id);
        }

        return Task.FromResult<string?>(null);
    }
}
