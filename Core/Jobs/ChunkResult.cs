namespace VideoAspire.Core.Jobs;

/// <summary>
/// What a chunk attempt stored, kept in an item of its own (not in the job's item, which every chunk's heartbeat
/// rewrites) until the last chunk to finish reads them all and commits the job.
/// </summary>
public sealed record ChunkResult(IReadOnlyList<JobSegment> Segments, double InputDurationSeconds, JobEncoding Encoding);
