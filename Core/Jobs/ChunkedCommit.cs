using Microsoft.Extensions.Logging;
using VideoAspire.Core.Storage;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Commits a split job whose chunks are all DONE: reads every chunk's result (consistently), checks the segments are
/// exactly 0..n-1, writes COMPLETED with them in order, then removes what is no longer needed (earlier attempts'
/// objects, chunk attempts that did not finish their chunk, the chunk result records). Called by the chunk whose finish
/// left none undone, and by the sweep when that chunk died before committing; the conditional commit lets only one win.
/// </summary>
public sealed class ChunkedCommit(JobStore jobs, ObjectStore objects, ILogger<ChunkedCommit> logger)
{
    /// <returns>True when the job is COMPLETED by its attempt (by this call or one whose answer was lost).</returns>
    public async Task<bool> CommitAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!job.IsChunked || job.Chunks.Count != job.ChunkCount || job.Chunks.Any(c => c.Status != ChunkStatus.Done))
        {
            throw new InvalidOperationException($"Job {job.Id} cannot be committed: not every one of its {job.ChunkCount} chunks is done.");
        }

        var results = new List<ChunkResult>();
        foreach (var chunk in job.Chunks)
        {
            results.Add(await jobs.GetChunkResultAsync(job.Id, job.Attempt, chunk.Index, chunk.Attempt, cancellationToken)
                ?? throw new InvalidOperationException($"Job {job.Id}: chunk {chunk.Index} is done but its result (attempt {chunk.Attempt}) is missing."));
        }

        var segments = results.SelectMany(r => r.Segments).OrderBy(s => s.Index).ToList();
        if (!segments.Select(s => s.Index).SequenceEqual(Enumerable.Range(0, segments.Count)))
        {
            throw new InvalidOperationException(
                $"Job {job.Id}: the chunks' segments are not 0..{segments.Count - 1} ({string.Join(", ", segments.Select(s => s.Index))}).");
        }

        if (!await jobs.CommitAsync(job.Id, job.Attempt, segments, results[0].InputDurationSeconds, results[0].Encoding))
        {
            return false;
        }

        await DeleteEarlierAttemptsAsync(job);
        foreach (var chunk in job.Chunks)
        {
            for (var attempt = 1; attempt < chunk.Attempt; attempt++)
            {
                await objects.DeletePrefixQuietlyAsync(job.Id, StorageLayout.ChunkAttemptPrefix(job.Id, job.Attempt, chunk.Index, attempt), logger);
            }

            await DeleteResultQuietlyAsync(job, chunk);
        }

        Log.JobCompleted(logger, job.Id, segments.Count);
        return true;
    }

    /// <summary>Removes what crashed attempts of a now COMPLETED job left behind (their prefixes; best effort).</summary>
    public async Task DeleteEarlierAttemptsAsync(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        for (var attempt = 1; attempt < job.Attempt; attempt++)
        {
            await objects.DeletePrefixQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, attempt), logger);
        }
    }

    /// <summary>The record is only needed until the commit; one left behind expires with the job's retention.</summary>
    private async Task DeleteResultQuietlyAsync(Job job, JobChunk chunk)
    {
        try
        {
            await jobs.DeleteChunkResultAsync(job.Id, job.Attempt, chunk.Index, chunk.Attempt, CancellationToken.None);
        }
        catch (TableException e)
        {
            Log.CleanupFailed(logger, e, job.Id, JobStore.ChunkResultId(job.Id, job.Attempt, chunk.Index, chunk.Attempt));
        }
    }
}
