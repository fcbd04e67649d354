using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// What one run of the executor holds: a job's attempt (<see cref="AttemptClaim"/>) or one chunk attempt of a split job
/// (<see cref="ChunkClaim"/>). Each has its own prefix for what it stores and its own conditional writes, so a run
/// that lost what it held removes only its own objects and writes nothing more.
/// </summary>
internal abstract class WorkClaim(Job job)
{
    public Job Job { get; } = job;

    public abstract JobWork Work { get; }

    /// <summary>Where this run stores its objects.</summary>
    public abstract string Prefix { get; }

    /// <summary>Tries used of what is held (compared with Processing:MaxAttempts).</summary>
    public abstract int Tries { get; }

    /// <summary>The chunk this run cuts; null for a job's attempt (which cuts in one pass or splits).</summary>
    public abstract ChunkRequest? Chunk { get; }

    /// <summary>Progress and a heartbeat, with the segments stored since the last write.</summary>
    public abstract Task<bool> ReportProgressAsync(JobStore jobs, double progress, IReadOnlyCollection<JobSegment> stored, CancellationToken cancellationToken);

    /// <summary>Gives what is held back to the queue: at shutdown (no reason), or after a transient failure.</summary>
    public abstract Task<bool> ReleaseAsync(JobStore jobs, JobError? reason);

    /// <summary>Records the job FAILED, while this run still holds what it claimed.</summary>
    public abstract Task<bool> FailAsync(JobStore jobs, JobError error);
}

internal sealed class AttemptClaim(Job job) : WorkClaim(job)
{
    public override JobWork Work => JobWork.ForJob(Job.Id);

    public override string Prefix => StorageLayout.AttemptPrefix(Job.Id, Job.Attempt);

    public override int Tries => Job.Tries;

    public override ChunkRequest? Chunk => null;

    public override Task<bool> ReportProgressAsync(JobStore jobs, double progress, IReadOnlyCollection<JobSegment> stored, CancellationToken cancellationToken) =>
        jobs.ReportProgressAsync(Job.Id, Job.Attempt, JobStages.Cutting, progress, stored, cancellationToken);

    public override Task<bool> ReleaseAsync(JobStore jobs, JobError? reason) =>
        jobs.ReleaseAsync(Job.Id, Job.Attempt, CancellationToken.None, reason);

    public override Task<bool> FailAsync(JobStore jobs, JobError error) => jobs.FailAsync(Job.Id, Job.Attempt, error, CancellationToken.None);
}

internal sealed class ChunkClaim(Job job, JobChunk chunk) : WorkClaim(job)
{
    public JobChunk Held { get; } = chunk;

    public override JobWork Work => Held.Work(Job);

    public override string Prefix => StorageLayout.ChunkAttemptPrefix(Job.Id, Job.Attempt, Held.Index, Held.Attempt);

    public override int Tries => Held.Tries;

    public override ChunkRequest? Chunk => new(Held.Index, TimeSpan.FromSeconds(Job.ChunkSeconds));

    public override Task<bool> ReportProgressAsync(JobStore jobs, double progress, IReadOnlyCollection<JobSegment> stored, CancellationToken cancellationToken) =>
        jobs.ReportChunkProgressAsync(Job.Id, Job.Attempt, Held.Index, Held.Attempt, progress, stored, cancellationToken);

    public override Task<bool> ReleaseAsync(JobStore jobs, JobError? reason) =>
        jobs.ReleaseChunkAsync(Job.Id, Job.Attempt, Held.Index, Held.Attempt, CancellationToken.None, reason);

    public override Task<bool> FailAsync(JobStore jobs, JobError error) =>
        jobs.FailFromChunkAsync(Job.Id, Job.Attempt, Held.Index, Held.Attempt, error, CancellationToken.None);
}
