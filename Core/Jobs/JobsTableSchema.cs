namespace VideoAspire.Core.Jobs;

/// <summary>Attribute and index names of the jobs table, shared by the bootstrap, the job store and the CDK stack.</summary>
public static class JobsTableSchema
{
    public const string JobId = "job_id";
    public const string UserId = "user_id";
    public const string CreatedAt = "created_at";
    public const string Ttl = "ttl";
    public const string UpdatedAt = "updated_at";
    public const string Status = "status";
    public const string Stage = "stage";
    public const string Progress = "progress";
    public const string Attempt = "attempt";

    /// <summary>Attempts that count against Processing:MaxAttempts: a claim adds one, a release at shutdown gives it back.</summary>
    public const string Tries = "tries";
    public const string Method = "method";
    public const string SourceKey = "source_key";
    public const string Options = "options";
    public const string Segments = "segments";

    /// <summary>
    /// While PROCESSING: the segments the attempt in progress has stored so far, a list of one-segment JSON strings
    /// appended by its progress writes (an index may repeat: readers keep the last). Removed by every claim and every
    /// end of an attempt, when <see cref="Segments"/> (completed) or nothing (failed, given back) takes over.
    /// </summary>
    public const string StoredSegments = "stored_segments";
    public const string StartedAt = "started_at";
    public const string CompletedAt = "completed_at";
    public const string HeartbeatAt = "heartbeat_at";
    public const string FirstSegmentAt = "first_segment_at";
    public const string InputDuration = "input_duration";

    /// <summary>Per stream, copied or re-encoded and why (JSON of <see cref="JobEncoding"/>); written with COMPLETED.</summary>
    public const string Encoding = "encoding";
    public const string ErrorCode = "error_code";
    public const string ErrorMessage = "error_message";

    /// <summary>Why the previous attempt gave the job back (a transient failure): reported if the attempts run out.</summary>
    public const string LastErrorCode = "last_error_code";
    public const string LastErrorMessage = "last_error_message";

    /// <summary>
    /// Present only while the job is QUEUED or PROCESSING, holding its method's wire name: the key of the sparse
    /// <see cref="UnfinishedIndex"/>, so finding stranded jobs reads only unfinished ones, never the whole table.
    /// </summary>
    public const string Unfinished = "unfinished";

    /// <summary>How many chunks the job is cut in (<see cref="Chunks"/>); absent for a single pass.</summary>
    public const string ChunkCount = "chunk_count";

    /// <summary>The input seconds per chunk the job was split by, so every chunk plans exactly as the split did.</summary>
    public const string ChunkSeconds = "chunk_seconds";

    /// <summary>
    /// Per chunk, while a chunked job runs: a map "c{index}" -> {status, attempt, tries, heartbeat_at, updated_at,
    /// progress, start, duration, last_error_code, last_error_message} (<see cref="JobChunk"/>); removed when the job ends.
    /// </summary>
    public const string Chunks = "chunks";

    /// <summary>How many chunks are DONE; the chunk whose finish makes it equal <see cref="ChunkCount"/> commits the job.</summary>
    public const string ChunksDone = "chunks_done";

    /// <summary>A chunk's start and duration in the input, in seconds (inside <see cref="Chunks"/>).</summary>
    public const string ChunkStart = "start";
    public const string ChunkDuration = "duration";

    /// <summary>GSI listing one user's jobs newest first: partition user_id, sort created_at (ISO-8601).</summary>
    public const string UserIndex = "user_id-created_at-index";

    /// <summary>
    /// Sparse GSI of unfinished jobs: partition <see cref="Unfinished"/> (the method), sort created_at, keys only, so the
    /// heartbeats and progress writes of running jobs never write to it (DynamoDB updates an index only when a
    /// projected attribute changes); the sweep reads each candidate from the table.
    /// </summary>
    public const string UnfinishedIndex = "unfinished-created_at-index";

    /// <summary>Sparse GSI of finished jobs (only they have completed_at): partition method, sort completed_at. For diagnostics.</summary>
    public const string FinishedIndex = "method-completed_at-index";
}
