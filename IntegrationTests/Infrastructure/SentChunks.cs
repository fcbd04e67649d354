using System.Collections.Concurrent;
using VideoAspire.Core.Jobs;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The chunk sender of tests that drive the executor themselves: it remembers what was sent, and the test runs it
/// (in any order, twice, or not at all) as the worker or Lambda would.
/// </summary>
internal sealed class SentChunks : IChunkSender
{
    private readonly ConcurrentQueue<JobWork> _sent = new();

    public Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        _sent.Enqueue(JobWork.ForChunk(job.Id, job.Attempt, chunk));
        return Task.FromResult(true);
    }

    /// <summary>Everything sent since the last call, in order.</summary>
    public IReadOnlyList<JobWork> Take()
    {
        var taken = new List<JobWork>();
        while (_sent.TryDequeue(out var work))
        {
            taken.Add(work);
        }

        return taken;
    }
}
