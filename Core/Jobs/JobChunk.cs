namespace VideoAspire.Core.Jobs;

/// <summary>
/// One chunk of a chunked job as stored in the job's item: consecutive whole segments of the plan, run by its own
/// invocation (or in-process unit) under its own conditional state. <see cref="Attempt"/> grows with every claim of
/// the chunk and names its objects' prefix; <see cref="Tries"/> counts against Processing:MaxAttempts like a job's.
/// </summary>
public sealed record JobChunk
{
    public required int Index { get; init; }

    public ChunkStatus Status { get; init; } = ChunkStatus.Queued;

    public int Attempt { get; init; }

    public int Tries { get; init; }

    /// <summary>Where the chunk starts in the input and how much input it covers (weights its progress).</summary>
    public required double StartSeconds { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>0-100, of this chunk.</summary>
    public double Progress { get; init; }

    /// <summary>Last sign of life of the chunk attempt in progress; a stale one may be taken over.</summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>The chunk's last change (queued, claimed, given back, dispatched again by the sweep).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What the chunk attempt holding it has stored so far (emptied whenever the chunk changes hands).</summary>
    public IReadOnlyList<JobSegment> StoredSegments { get; init; } = [];

    /// <summary>Why its last attempt gave the chunk back (a transient failure).</summary>
    public JobError? LastError { get; init; }

    /// <summary>The unit of work that runs this chunk.</summary>
    public JobWork Work(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JobWork.ForChunk(job.Id, job.Attempt, Index);
    }
}

/// <summary>A chunk's state. DONE chunks have stored their segments and recorded them (<see cref="ChunkResult"/>).</summary>
public enum ChunkStatus
{
    Queued,
    Processing,
    Done,
}
