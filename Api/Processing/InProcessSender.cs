using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Sends jobs to the worker inside this Api process: its bounded queue, a cache of the table.</summary>
internal sealed class InProcessSender(InProcessQueue queue, JobStore jobs, ILogger<InProcessSender> logger) : IJobSender
{
    public ProcessingMethod Method => ProcessingMethod.InProcess;

    /// <summary>Never refuses: a job that does not fit stays QUEUED in the table and the worker's next sweep takes it.</summary>
    public Task<JobError?> SendAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!queue.TryEnqueue(JobWork.ForJob(job.Id)))
        {
            Log.QueueFull(logger, job.Id);
        }

        return Task.FromResult<JobError?>(null);
    }

    /// <summary>False when the queue is full: the chunk stays QUEUED in the table and the worker's next sweep takes it.</summary>
    public Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Task.FromResult(queue.TryEnqueue(JobWork.ForChunk(job.Id, job.Attempt, chunk)));
    }

    /// <summary>
    /// Takes over a QUEUED job of a method this Api has no sender for: records the job as in-process (so its view, the
    /// statistics and later sweeps see where it runs), then queues it here. False when the queue is full (the job, now
    /// in-process, waits in the table for the next sweep); true too when the job moved meanwhile and is left alone.
    /// </summary>
    public async Task<bool> TakeOverAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!await jobs.ReassignAsync(job.Id, job.Method, Method, cancellationToken))
        {
            return true; // claimed, finished or deleted since the sweep read it
        }

        Log.JobTakenOver(logger, job.Id, job.Method);
        return queue.TryEnqueue(JobWork.ForJob(job.Id));
    }
}
