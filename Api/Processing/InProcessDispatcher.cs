using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Dispatch to the worker inside this Api process.</summary>
internal sealed class InProcessDispatcher(InProcessQueue queue, ILogger<InProcessDispatcher> logger) : IJobDispatcher
{
    public ProcessingMethod ChooseMethod(string jobId) => ProcessingMethod.InProcess;

    public Task DispatchAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!queue.TryEnqueue(job.Id))
        {
            Log.QueueFull(logger, job.Id);
        }

        return Task.CompletedTask;
    }
}
