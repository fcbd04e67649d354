using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Storage;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Finds the jobs nobody will run and acts on them, the same way for every method: a PROCESSING job whose heartbeat
/// went stale (its worker or invocation died) is put back in the queue and dispatched again; a QUEUED job nobody
/// claimed in time (a lost dispatch, an Api that died between writing and dispatching, an event Lambda gave up on)
/// is dispatched again; a job out of attempts is FAILED with its last error and its objects removed. A split job is
/// swept chunk by chunk by the same rules (<see cref="SweepChunksAsync"/>), and committed if all its chunks are DONE but
/// the chunk that finished last died before committing. It reads the
/// sparse index of unfinished jobs, never the whole table, and every write is conditional on what it saw, so
/// several sweepers (Api instances, the scheduled Processor sweep) can run at once.
/// </summary>
public sealed class JobSweeper(
    JobStore jobs, ObjectStore objects, ChunkedCommit chunkedCommit, IChunkSender chunkSender, IOptions<JobRecoveryOptions> options,
    TimeProvider timeProvider, ILogger<JobSweeper> logger)
{
    /// <summary>Sends a job on again; false when it cannot take more now (a full queue): the sweep stops and the next one goes on.</summary>
    public delegate Task<bool> Redispatch(Job job, CancellationToken cancellationToken);

    /// <param name="method">The method whose jobs to look at.</param>
    /// <param name="queuedGrace">How long a QUEUED job may wait unclaimed before it counts as stranded.</param>
    /// <param name="redispatch">How to send a job on again.</param>
    /// <param name="isHeldHere">Jobs this process already holds (waiting in its queue or running): left alone.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<SweepResult> SweepAsync(
        ProcessingMethod method, TimeSpan queuedGrace, Redispatch redispatch, Func<string, bool>? isHeldHere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redispatch);
        var now = timeProvider.GetUtcNow();
        var staleBefore = now - options.Value.StaleAfter;
        var queuedBefore = now - queuedGrace;
        int redispatched = 0, failed = 0;
        foreach (var id in await jobs.ListUnfinishedIdsAsync(method, cancellationToken))
        {
            if (isHeldHere?.Invoke(id) == true)
            {
                continue; // no read for what this process holds
            }

            try
            {
                if (await jobs.GetAsync(id, cancellationToken) is not { Status: JobStatus.Queued or JobStatus.Processing } job)
                {
                    continue; // finished or deleted since the index was read
                }

                if (job is { Status: JobStatus.Processing, IsChunked: true })
                {
                    var chunks = await SweepChunksAsync(job, staleBefore, queuedBefore, isHeldHere, cancellationToken);
                    (redispatched, failed) = (redispatched + chunks.Redispatched, failed + chunks.Failed);
                    continue;
                }

                var idleSince = job.Status == JobStatus.Processing ? staleBefore : queuedBefore;
                var lastSign = job.Status == JobStatus.Processing ? job.HeartbeatAt : job.UpdatedAt;
                if (lastSign >= idleSince)
                {
                    continue; // alive, or dispatched a moment ago
                }

                if (job.Tries >= jobs.MaxAttempts)
                {
                    failed += await FailAsync(job, idleSince, cancellationToken) ? 1 : 0;
                    continue;
                }

                var takenBack = job.Status == JobStatus.Processing
                    ? await jobs.RequeueIfStaleAsync(job.Id, staleBefore, cancellationToken)
                    : await jobs.TouchIfIdleAsync(job.Id, queuedBefore, cancellationToken);
                if (!takenBack)
                {
                    continue; // it moved since it was read, or another sweeper took it
                }

                Log.JobRedispatched(logger, job.Id, job.Status, job.Attempt);
                if (!await redispatch(job, cancellationToken))
                {
                    break;
                }

                redispatched++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SweepJobFailed(logger, e, id); // it stays as it is; the next sweep tries again
            }
        }

        return new SweepResult(redispatched, failed);
    }

    /// <summary>
    /// One split job: a chunk that is QUEUED and untouched for the grace, or PROCESSING with a stale heartbeat, is taken
    /// back and sent again; one out of tries fails the job with its last error; a job whose chunks are all DONE and
    /// that nobody committed for StaleAfter is committed here.
    /// </summary>
    private async Task<SweepResult> SweepChunksAsync(
        Job job, DateTimeOffset staleBefore, DateTimeOffset queuedBefore, Func<string, bool>? isHeldHere, CancellationToken cancellationToken)
    {
        if (job.ChunksDone >= job.ChunkCount)
        {
            var committed = job.UpdatedAt < staleBefore && await chunkedCommit.CommitAsync(job, cancellationToken);
            return new SweepResult(committed ? 1 : 0, 0);
        }

        var redispatched = 0;
        foreach (var chunk in job.Chunks)
        {
            if (chunk.Status == ChunkStatus.Done || isHeldHere?.Invoke(chunk.Work(job).Key) == true)
            {
                continue;
            }

            var idleSince = chunk.Status == ChunkStatus.Processing ? staleBefore : queuedBefore;
            var lastSign = chunk.Status == ChunkStatus.Processing ? chunk.HeartbeatAt : chunk.UpdatedAt;
            if (lastSign >= idleSince)
            {
                continue; // alive, or sent a moment ago
            }

            if (chunk.Tries >= jobs.MaxAttempts)
            {
                return new SweepResult(redispatched, await FailChunkedAsync(job, chunk, idleSince, cancellationToken) ? 1 : 0);
            }

            var takenBack = chunk.Status == ChunkStatus.Processing
                ? await jobs.RequeueChunkIfStaleAsync(job.Id, job.Attempt, chunk.Index, staleBefore, cancellationToken)
                : await jobs.TouchChunkIfIdleAsync(job.Id, job.Attempt, chunk.Index, queuedBefore, cancellationToken);
            if (!takenBack)
            {
                continue; // it moved since it was read, or another sweeper took it
            }

            Log.ChunkRedispatched(logger, job.Id, chunk.Index, chunk.Status);
            if (!await chunkSender.SendChunkAsync(job, chunk.Index, cancellationToken))
            {
                break;
            }

            redispatched++;
        }

        return new SweepResult(redispatched, 0);
    }

    private async Task<bool> FailChunkedAsync(Job job, JobChunk chunk, DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        var error = Exhausted($"Chunk {chunk.Index} of the job", chunk.Tries, chunk.LastError);
        return await RecordAbandonedAsync(job, error, () => jobs.FailAbandonedChunkAsync(job, chunk, idleSince.AddTicks(1), error, cancellationToken));
    }

    /// <summary>
    /// Fails a job whose invocation Lambda gave up on (a failure-queue record) when it has no tries left and no attempt is
    /// alive; the job's last error, or the reason Lambda gave, becomes the message. A job with tries left is left to the
    /// sweep, which invokes it again after <see cref="JobRecoveryOptions.LambdaRedispatchAfter"/>.
    /// </summary>
    public async Task<bool> GiveUpAsync(string jobId, string reason, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken);
        if (job is null || job.Status is JobStatus.Completed or JobStatus.Failed || job.Tries < jobs.MaxAttempts)
        {
            return false;
        }

        // No claim can start (no tries left): only a live PROCESSING attempt must be waited for.
        var now = timeProvider.GetUtcNow();
        var idleSince = job.Status == JobStatus.Processing ? now - options.Value.StaleAfter : now;
        var error = new JobError(job.LastError?.Code ?? "processor_failed",
            $"The Processor gave up on the job ({reason}){(job.LastError is { } last ? $"; last error: {last.Message}" : "")}.");
        return await FailAsync(job, idleSince, cancellationToken, error);
    }

    private async Task<bool> FailAsync(Job job, DateTimeOffset idleSince, CancellationToken cancellationToken, JobError? error = null)
    {
        var failure = error ?? Exhausted("The job", job.Tries, job.LastError);
        return await RecordAbandonedAsync(job, failure, () => jobs.FailAbandonedAsync(job, idleSince.AddTicks(1), failure, cancellationToken));
    }

    /// <summary>Out of tries: the last error's code (attempts_exhausted when there is none) and what was tried.</summary>
    private static JobError Exhausted(string what, int tries, JobError? lastError) => new(lastError?.Code ?? "attempts_exhausted",
        $"{what} was tried {tries} times without finishing{(lastError is { } last ? $"; last error: {last.Message}" : " (each attempt stopped without a word: killed, out of memory or past its deadline)")}.");

    /// <summary>The conditional FAILED write the sweep saw grounds for; when it applies, the job's objects go.</summary>
    private async Task<bool> RecordAbandonedAsync(Job job, JobError error, Func<Task<bool>> fail)
    {
        if (!await fail())
        {
            return false;
        }

        Log.JobAbandoned(logger, job.Id, error.Code, error.Message);
        await objects.DeletePrefixQuietlyAsync(job.Id, StorageLayout.JobPrefix(job.Id), logger);
        return true;
    }
}

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Redispatched, int Failed);
