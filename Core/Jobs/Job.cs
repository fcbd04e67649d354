namespace VideoAspire.Core.Jobs;

/// <summary>One job as stored in DynamoDB.</summary>
public sealed record Job
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string SourceKey { get; init; }

    public required JobOptions Options { get; init; }

    public required ProcessingMethod Method { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Queued;

    /// <summary>What the job is doing now: queued, probing, cutting, completed, failed.</summary>
    public string Stage { get; init; } = JobStages.Queued;

    public double Progress { get; init; }

    /// <summary>Incremented by every claim; writes of an older attempt are refused.</summary>
    public int Attempt { get; init; }

    /// <summary>
    /// Attempts that count against <see cref="JobRecoveryOptions.MaxAttempts"/>: every claim, less the ones given back at
    /// shutdown (a rolling deploy must not use a job's attempts up). <see cref="Attempt"/> only ever grows: it names prefixes.
    /// </summary>
    public int Tries { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Last sign of life of the attempt in progress; a stale one may be taken over.</summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>When the attempt in progress (or the one that completed) stored its first segment: from then on it can be downloaded.</summary>
    public DateTimeOffset? FirstSegmentAt { get; init; }

    public double? InputDurationSeconds { get; init; }

    /// <summary>Per stream, copied or re-encoded and why; set when the job completes (null before, and on older rows).</summary>
    public JobEncoding? Encoding { get; init; }

    public JobError? Error { get; init; }

    /// <summary>Why the last attempt gave the job back (transient failure); kept for the message if the attempts run out.</summary>
    public JobError? LastError { get; init; }

    public IReadOnlyList<JobSegment> Segments { get; init; } = [];

    /// <summary>
    /// While PROCESSING: the segments the attempt in progress has stored so far (one per index, in index order), written
    /// with its progress about once a second. Empty in every other state: <see cref="Segments"/> holds a completed job's.
    /// </summary>
    public IReadOnlyList<JobSegment> StoredSegments { get; init; } = [];

    /// <summary>How many chunks the job's attempt is cut in; 0 while it is one pass (or not yet split).</summary>
    public int ChunkCount { get; init; }

    /// <summary>The input seconds per chunk it was split by (every chunk plans with it).</summary>
    public double ChunkSeconds { get; init; }

    /// <summary>Each chunk's state, in index order, while a chunked job runs (<see cref="ChunkCount"/> of them).</summary>
    public IReadOnlyList<JobChunk> Chunks { get; init; } = [];

    /// <summary>How many chunks are DONE.</summary>
    public int ChunksDone { get; init; }

    /// <summary>True when the attempt was split into chunks, which now run (and are recovered) one by one.</summary>
    public bool IsChunked => ChunkCount > 0;
}
