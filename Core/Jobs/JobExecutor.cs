using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Runs one job, wherever it runs (the in-process worker or the Lambda Processor): claim it, cut it with
/// ffmpeg reading the upload straight from S3, store each segment and thumbnail as soon as it exists (several at a time,
/// <see cref="SegmentUploads"/>),
/// and commit COMPLETED only when every object is stored. Each attempt stores under its own prefix. A transient
/// failure (<see cref="JobErrors"/> says which: S3 or DynamoDB throttled or unreachable, a full disk) gives the job back
/// while attempts are left; any other failure records FAILED with a code and message and removes every attempt's
/// objects. Nothing is rethrown: the outcome says what happened.
/// </summary>
public sealed class JobExecutor(
    JobStore jobs, VideoPipeline pipeline, ObjectStore objects, PresignedUrls urls, JobTelemetry telemetry,
    IOptions<SegmentUploadOptions> uploadOptions, TimeProvider timeProvider, ILogger<JobExecutor> logger)
{
    private static readonly TimeSpan InputUrlLifetime = TimeSpan.FromHours(6);

    /// <summary>How often progress and the heartbeat are written.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <param name="jobId">The job to claim and run.</param>
    /// <param name="method">Where it runs (for metrics and logs).</param>
    /// <param name="cancellationToken">Shutdown: the job is given back to the queue.</param>
    /// <param name="timeLimit">A hard limit (the Lambda deadline minus a margin): past it the job is FAILED with "timeout".</param>
    public async Task<JobOutcome> ExecuteAsync(
        string jobId, ProcessingMethod method, CancellationToken cancellationToken, TimeSpan? timeLimit = null)
    {
        // Not cancellable: a claim that lands in DynamoDB while this side gives up would leave the job
        // PROCESSING with no owner. Shutdown is honoured right after, by giving the job back.
        var job = await jobs.TryClaimAsync(jobId, CancellationToken.None);
        if (job is null)
        {
            Log.JobSkipped(logger, jobId);
            return JobOutcome.Skipped;
        }

        using var activity = telemetry.Source.StartActivity("job.execute");
        activity?.SetTag("job.id", job.Id).SetTag("job.attempt", job.Attempt).SetTag("job.method", method.ToString());
        var started = timeProvider.GetTimestamp();
        var outcome = await RunAsync(job, method, timeLimit, cancellationToken);
        telemetry.Finished(method, JobTelemetry.OutcomeTag(outcome), timeProvider.GetElapsedTime(started));
        activity?.SetTag("job.outcome", outcome.ToString());
        return outcome;
    }

    private async Task<JobOutcome> RunAsync(Job job, ProcessingMethod method, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var progress = new ProgressWriter(jobs, job.Id, job.Attempt, ProgressInterval, jobs.StaleAfter / 2, timeProvider, logger);
        using var deadline = new CancellationTokenSource(timeLimit ?? Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, progress.Lost, deadline.Token);
        try
        {
            var input = await urls.ForGetAsync(objects.Bucket, job.SourceKey, InputUrlLifetime);
            var spec = new SegmentJobSpec(input, job.Options.Cutting, job.Options.Output, job.Options.Overlay, job.Options.Thumbnails)
            {
                JobId = job.Id,
                Codecs = job.Options.Codecs,
            };
            var uploads = new SegmentUploads(objects, jobs, job, uploadOptions.Value.UploadConcurrency, timeProvider, segment =>
            {
                telemetry.SegmentStored(method);
                progress.Stored(segment);
            });
            var (result, segments) = await uploads.RunAsync(pipeline, spec, progress, linked.Token);

            await progress.DisposeAsync();
            if (!await CommitAsync(job, segments, result.Media.Duration.TotalSeconds, JobEncoding.From(result.Encoding)))
            {
                return await LostAsync(job);
            }

            if (job.Attempt > 1)
            {
                await DeleteEarlierAttemptsAsync(job); // what crashed attempts left behind
            }

            Log.JobCompleted(logger, job.Id, segments.Count);
            return JobOutcome.Completed;
        }
        catch (OperationCanceledException) when (progress.IsLost)
        {
            return await LostAsync(job);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(job, new JobError("timeout",
                $"The job did not finish within the {timeLimit!.Value.TotalSeconds:0} s this invocation had left; it was stopped before the deadline."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DeleteQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, job.Attempt));
            await jobs.ReleaseAsync(job.Id, job.Attempt, CancellationToken.None);
            Log.JobReleased(logger, job.Id);
            return JobOutcome.Released;
        }
        catch (Exception e) when (JobErrors.Map(e) is { IsTransient: true } transient && job.Tries < jobs.MaxAttempts)
        {
            var error = transient.Error;
            await DeleteQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, job.Attempt));
            if (!await jobs.ReleaseAsync(job.Id, job.Attempt, CancellationToken.None, error))
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

            return await FailAsync(job, failure.Error);
        }
        finally
        {
            await progress.DisposeAsync();
        }
    }

    /// <summary>
    /// Writes COMPLETED. A refused or failed write is checked against the table before anything is deleted: the first
    /// try may have applied even though its answer was lost (a timeout, or an SDK retry refused by the condition the
    /// first try already changed), and a completed job's segments must never be removed.
    /// </summary>
    private async Task<bool> CommitAsync(Job job, IReadOnlyList<JobSegment> segments, double durationSeconds, JobEncoding encoding)
    {
        try
        {
            if (await jobs.CompleteAsync(job.Id, job.Attempt, segments, durationSeconds, encoding, CancellationToken.None))
            {
                return true;
            }
        }
        catch (Exception e) when (JobErrors.Map(e).IsTransient)
        {
            if (await jobs.IsCompletedByAsync(job.Id, job.Attempt, CancellationToken.None))
            {
                return true;
            }

            throw; // not applied: a transient failure like any other (the job is given back)
        }

        return await jobs.IsCompletedByAsync(job.Id, job.Attempt, CancellationToken.None);
    }

    /// <summary>
    /// Records FAILED, then removes every attempt's objects (nothing else can own a FAILED job). If the job was
    /// lost meanwhile, only this attempt's objects go: the prefix may hold the new owner's work.
    /// </summary>
    private async Task<JobOutcome> FailAsync(Job job, JobError error)
    {
        await DeleteQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, job.Attempt));
        if (!await jobs.FailAsync(job.Id, job.Attempt, error, CancellationToken.None))
        {
            Log.JobLost(logger, job.Id, job.Attempt);
            return JobOutcome.Lost;
        }

        await DeleteQuietlyAsync(job.Id, StorageLayout.JobPrefix(job.Id));
        Log.JobFailed(logger, job.Id, error.Code, error.Message);
        return JobOutcome.Failed;
    }

    private async Task<JobOutcome> LostAsync(Job job)
    {
        await DeleteQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, job.Attempt));
        Log.JobLost(logger, job.Id, job.Attempt);
        return JobOutcome.Lost;
    }

    private async Task DeleteEarlierAttemptsAsync(Job job)
    {
        for (var attempt = 1; attempt < job.Attempt; attempt++)
        {
            await DeleteQuietlyAsync(job.Id, StorageLayout.AttemptPrefix(job.Id, attempt));
        }
    }

    private Task DeleteQuietlyAsync(string jobId, string prefix) => objects.DeletePrefixQuietlyAsync(jobId, prefix, logger);
}
