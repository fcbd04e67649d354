using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Runs one job, or one chunk of a split job, wherever it runs (the in-process worker or the Lambda Processor): claim it,
/// cut it with ffmpeg reading the upload straight from S3, store each segment and thumbnail as soon as it exists (several
/// at a time, <see cref="SegmentUploads"/>), and commit COMPLETED only when every object is stored. A re-encoding job
/// longer than Processing:ChunkSeconds is not cut by its first run: it is split into chunks of whole segments
/// (<see cref="ChunkOptions"/>), each sent on its own (<see cref="IChunkSender"/>); the chunk whose finish leaves none
/// undone commits the job (<see cref="ChunkedCommit"/>). Each attempt, and each chunk attempt, stores under its own prefix. A transient
/// failure (<see cref="JobErrors"/> says which: S3 or DynamoDB throttled or unreachable, a full disk) gives the job back
/// while attempts are left; any other failure records FAILED with a code and message and removes every attempt's
/// objects. Nothing is rethrown: the outcome says what happened.
/// </summary>
public sealed class JobExecutor(
    JobStore jobs, VideoPipeline pipeline, ObjectStore objects, PresignedUrls urls, JobTelemetry telemetry, ChunkedCommit chunkedCommit,
    IChunkSender chunkSender, IOptions<SegmentUploadOptions> uploadOptions, IOptions<ChunkOptions> chunkOptions, TimeProvider timeProvider,
    ILogger<JobExecutor> logger)
{
    private static readonly TimeSpan InputUrlLifetime = TimeSpan.FromHours(6);

    /// <summary>How often progress and the heartbeat are written.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <param name="jobId">The job to claim and run.</param>
    /// <param name="method">Where it runs (for metrics and logs).</param>
    /// <param name="cancellationToken">Shutdown: the job is given back to the queue.</param>
    /// <param name="timeLimit">A hard limit (the Lambda deadline minus a margin): past it the job is FAILED with "timeout".</param>
    public Task<JobOutcome> ExecuteAsync(string jobId, ProcessingMethod method, CancellationToken cancellationToken, TimeSpan? timeLimit = null) =>
        ExecuteAsync(JobWork.ForJob(jobId), method, cancellationToken, timeLimit);

    /// <summary>Claims and runs <paramref name="work"/>: a whole job, or one chunk of a split job's attempt.</summary>
    public async Task<JobOutcome> ExecuteAsync(JobWork work, ProcessingMethod method, CancellationToken cancellationToken, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(work);

        // Not cancellable: a claim that lands in DynamoDB while this side gives up would leave the job (or chunk)
        // PROCESSING with no owner. Shutdown is honoured right after, by giving it back.
        var claim = await ClaimAsync(work);
        if (claim is null)
        {
            if (work.IsChunk)
            {
                Log.ChunkSkipped(logger, work);
            }
            else
            {
                Log.JobSkipped(logger, work.JobId);
            }

            return JobOutcome.Skipped;
        }

        using var activity = telemetry.Source.StartActivity(work.IsChunk ? "job.chunk" : "job.execute");
        activity?.SetTag("job.id", claim.Job.Id).SetTag("job.attempt", claim.Job.Attempt).SetTag("job.method", method.ToString());
        if (claim is ChunkClaim chunkClaim)
        {
            activity?.SetTag("job.chunk", chunkClaim.Held.Index).SetTag("job.chunk_attempt", chunkClaim.Held.Attempt);
        }

        var started = timeProvider.GetTimestamp();
        var outcome = await RunAsync(claim, method, timeLimit, cancellationToken);
        telemetry.Finished(method, JobTelemetry.OutcomeTag(outcome), timeProvider.GetElapsedTime(started));
        activity?.SetTag("job.outcome", outcome.ToString());
        return outcome;
    }

    private async Task<WorkClaim?> ClaimAsync(JobWork work)
    {
        if (work.Chunk is not { } chunk)
        {
            return await jobs.TryClaimAsync(work.JobId, CancellationToken.None) is { } job ? new AttemptClaim(job) : null;
        }

        var claimed = await jobs.TryClaimChunkAsync(work.JobId, work.Attempt ?? 0, chunk, CancellationToken.None);
        return claimed?.Chunks.FirstOrDefault(c => c.Index == chunk) is { } held ? new ChunkClaim(claimed, held) : null;
    }

    private async Task<JobOutcome> RunAsync(WorkClaim claim, ProcessingMethod method, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var job = claim.Job;
        var progress = new ProgressWriter(jobs, claim, ProgressInterval, jobs.StaleAfter / 2, timeProvider, logger);
        using var deadline = new CancellationTokenSource(timeLimit ?? Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, progress.Lost, deadline.Token);
        try
        {
            var input = await urls.ForGetAsync(objects.Bucket, job.SourceKey, InputUrlLifetime);
            var spec = new SegmentJobSpec(input, job.Options.Cutting, job.Options.Output, job.Options.Overlay, job.Options.Thumbnails)
            {
                JobId = job.Id,
                Codecs = job.Options.Codecs,
                Chunk = claim.Chunk,
                SplitBudget = claim is AttemptClaim ? chunkOptions.Value.Budget : null,
            };
            var uploads = new SegmentUploads(objects, jobs, job, claim.Prefix, uploadOptions.Value.UploadConcurrency, timeProvider, segment =>
            {
                telemetry.SegmentStored(method);
                progress.Stored(segment);
            });
            var (result, segments) = await uploads.RunAsync(pipeline, spec, progress, linked.Token);

            await progress.DisposeAsync();
            return claim switch
            {
                ChunkClaim chunk => await FinishChunkAsync(chunk, result, segments),
                _ when result.Split is { } chunks => await SplitAsync(claim, chunks),
                _ => await CompleteAsync(claim, result, segments),
            };
        }
        catch (OperationCanceledException) when (progress.IsLost)
        {
            return await LostAsync(claim);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var what = claim is ChunkClaim c ? $"Chunk {c.Held.Index} of the job" : "The job";
            return await FailAsync(claim, new JobError("timeout",
                $"{what} did not finish within the {timeLimit!.Value.TotalSeconds:0} s this invocation had left; it was stopped before the deadline."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DeleteQuietlyAsync(job.Id, claim.Prefix);
            await claim.ReleaseAsync(jobs, null);
            Log.JobReleased(logger, job.Id);
            return JobOutcome.Released;
        }
        catch (Exception e) when (JobErrors.Map(e) is { IsTransient: true } transient && claim.Tries < jobs.MaxAttempts)
        {
            var error = transient.Error;
            await DeleteQuietlyAsync(job.Id, claim.Prefix);
            if (!await claim.ReleaseAsync(jobs, error))
            {
                return JobOutcome.Lost;
            }

            Log.JobRetrying(logger, job.Id, job.Attempt, error.Code, error.Message);
            return JobOutcome.Retry;
        }
#pragma warning disable CA1031 // every failure ends as a recorded outcome; unexpected ones are logged with their stack
        catch (Exception e)
#pragma warning restore CA1031
        {
            var failure = JobErrors.Map(e);
            if (!failure.IsExpected)
            {
                Log.JobCrashed(logger, e, job.Id, failure.Error.Code);
            }

            return await FailAsync(claim, failure.Error);
        }
        finally
        {
            await progress.DisposeAsync();
        }
    }

    /// <summary>A job cut in one pass: COMPLETED with its segments, then what crashed attempts left behind is removed.</summary>
    private async Task<JobOutcome> CompleteAsync(WorkClaim claim, PipelineResult result, IReadOnlyList<JobSegment> segments)
    {
        var job = claim.Job;
        if (!await jobs.CommitAsync(job.Id, job.Attempt, segments, result.Media.Duration.TotalSeconds, JobEncoding.From(result.Encoding)))
        {
            return await LostAsync(claim);
        }

        await chunkedCommit.DeleteEarlierAttemptsAsync(job);
        Log.JobCompleted(logger, job.Id, segments.Count);
        return JobOutcome.Completed;
    }

    /// <summary>
    /// A job too long for one run: its chunks are recorded (QUEUED) and each is sent on its own. A chunk that cannot be
    /// sent now stays QUEUED for the sweep, which sends it again; nothing of the job is lost.
    /// </summary>
    private async Task<JobOutcome> SplitAsync(WorkClaim claim, IReadOnlyList<Video.Planning.ChunkPlan> chunks)
    {
        var job = claim.Job;
        var ranges = chunks.Select(c => (c.Start.TotalSeconds, c.Duration.TotalSeconds)).ToList();
        if (!await jobs.SplitAsync(job.Id, job.Attempt, ranges, chunkOptions.Value.ChunkSeconds, CancellationToken.None))
        {
            return await LostAsync(claim);
        }

        Log.JobSplit(logger, job.Id, job.Attempt, chunks.Count);
        foreach (var chunk in chunks)
        {
            try
            {
                if (!await chunkSender.SendChunkAsync(job, chunk.Index, CancellationToken.None))
                {
                    Log.ChunkNotSent(logger, null, job.Id, chunk.Index);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ChunkNotSent(logger, e, job.Id, chunk.Index);
            }
        }

        return JobOutcome.Split;
    }

    /// <summary>
    /// A chunk cut and stored: its result recorded, the chunk DONE; the chunk that leaves none undone commits the job.
    /// A commit that fails here is left to the sweep, which commits a job whose chunks are all DONE.
    /// </summary>
    private async Task<JobOutcome> FinishChunkAsync(ChunkClaim claim, PipelineResult result, IReadOnlyList<JobSegment> segments)
    {
        var (job, chunk) = (claim.Job, claim.Held);
        await jobs.PutChunkResultAsync(job.Id, job.Attempt, chunk.Index, chunk.Attempt,
            new ChunkResult(segments, result.Media.Duration.TotalSeconds, JobEncoding.From(result.Encoding)), CancellationToken.None);
        if (await FinishCheckedAsync(claim) is not { } after)
        {
            return await LostAsync(claim);
        }

        Log.ChunkDone(logger, claim.Work, after.ChunksDone, after.ChunkCount);
        if (after.ChunksDone < after.ChunkCount)
        {
            return JobOutcome.ChunkDone;
        }

        try
        {
            return await chunkedCommit.CommitAsync(after, CancellationToken.None) ? JobOutcome.Completed : JobOutcome.Lost;
        }
        catch (Exception e) when (JobErrors.Map(e).IsTransient)
        {
            Log.ChunkedCommitDeferred(logger, e, job.Id);
            return JobOutcome.ChunkDone;
        }
    }

    /// <summary>
    /// Marks the chunk DONE. A failed write is checked against the table: the first try may have applied although its
    /// answer was lost, and a DONE chunk's objects must never be removed.
    /// </summary>
    private async Task<Job?> FinishCheckedAsync(ChunkClaim claim)
    {
        var (job, chunk) = (claim.Job, claim.Held);
        try
        {
            return await jobs.FinishChunkAsync(job.Id, job.Attempt, chunk.Index, chunk.Attempt, CancellationToken.None);
        }
        catch (Exception e) when (JobErrors.Map(e).IsTransient)
        {
            var now = await jobs.GetAsync(job.Id, CancellationToken.None);
            if (now is { Status: JobStatus.Processing } && now.Attempt == job.Attempt
                && now.Chunks.FirstOrDefault(c => c.Index == chunk.Index) is { Status: ChunkStatus.Done } done && done.Attempt == chunk.Attempt)
            {
                return now;
            }

            throw; // not applied: a transient failure like any other (the chunk is given back)
        }
    }

    /// <summary>
    /// Records FAILED, then removes every attempt's objects (nothing else can own a FAILED job, and for a chunked job
    /// this is every chunk's). If the job (or the chunk) was lost meanwhile, only this run's objects go: the rest may be
    /// another run's work.
    /// </summary>
    private async Task<JobOutcome> FailAsync(WorkClaim claim, JobError error)
    {
        var job = claim.Job;
        await DeleteQuietlyAsync(job.Id, claim.Prefix);
        if (!await claim.FailAsync(jobs, error))
        {
            Log.JobLost(logger, job.Id, job.Attempt);
            return JobOutcome.Lost;
        }

        await DeleteQuietlyAsync(job.Id, StorageLayout.JobPrefix(job.Id));
        Log.JobFailed(logger, job.Id, error.Code, error.Message);
        return JobOutcome.Failed;
    }

    private async Task<JobOutcome> LostAsync(WorkClaim claim)
    {
        await DeleteQuietlyAsync(claim.Job.Id, claim.Prefix);
        Log.JobLost(logger, claim.Job.Id, claim.Job.Attempt);
        return JobOutcome.Lost;
    }

    private Task DeleteQuietlyAsync(string jobId, string prefix) => objects.DeletePrefixQuietlyAsync(jobId, prefix, logger);
}
