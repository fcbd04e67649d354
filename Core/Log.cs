using Microsoft.Extensions.Logging;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Core;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Created bucket {Bucket}")]
    public static partial void BucketCreated(ILogger logger, string bucket);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Bucket {Bucket} already exists")]
    public static partial void BucketExists(ILogger logger, string bucket);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Created jobs table {Table}")]
    public static partial void TableCreated(ILogger logger, string table);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Jobs table {Table} already exists")]
    public static partial void TableExists(ILogger logger, string table);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The DynamoDB endpoint does not support TTL; items in {Table} will not expire")]
    public static partial void TtlUnsupported(ILogger logger, string table);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Added index {Index} to jobs table {Table}")]
    public static partial void IndexAdded(ILogger logger, string table, string index);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Recreated jobs table {Table} with its {Count} items to add index {Index} (this DynamoDB cannot add an index to a table)")]
    public static partial void TableRecreated(ILogger logger, string table, string index, int count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Removed {Folders} job folders left by dead processes in {Root} and killed {Processes} orphaned processes working in them")]
    public static partial void StaleWorkspacesRemoved(ILogger logger, int folders, int processes, string root);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Job {JobId}: cutting {DurationSeconds} s into {SegmentCount} planned segments (video {VideoCodec}: {VideoDecision}; audio {AudioCodec}: {AudioDecision})")]
    public static partial void PipelineStarting(
        ILogger logger, string jobId, double durationSeconds, int segmentCount, string videoCodec, string videoDecision, string audioCodec, string audioDecision);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Job {JobId}: cutting chunk {ChunkIndex} of {ChunkCount} chunks, input {StartSeconds} s to {EndSeconds} s")]
    public static partial void PipelineChunk(ILogger logger, string jobId, int chunkIndex, int chunkCount, double startSeconds, double endSeconds);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Job {JobId}: {SegmentCount} segments produced")]
    public static partial void PipelineFinished(ILogger logger, string jobId, int segmentCount);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Job {JobId} not claimed: it is not queued (duplicate or late delivery)")]
    public static partial void JobSkipped(ILogger logger, string jobId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Job {JobId} completed with {SegmentCount} segments")]
    public static partial void JobCompleted(ILogger logger, string jobId, int segmentCount);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Job {JobId} failed: {ErrorCode} {ErrorMessage}")]
    public static partial void JobFailed(ILogger logger, string jobId, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Job {JobId} failed unexpectedly ({ErrorCode})")]
    public static partial void JobCrashed(ILogger logger, Exception exception, string jobId, string errorCode);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} lost the job (deleted or taken over); its objects were removed")]
    public static partial void JobLost(ILogger logger, string jobId, int attempt);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Job {JobId} given back to the queue at shutdown")]
    public static partial void JobReleased(ILogger logger, string jobId);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Job {JobId}: writing progress failed; trying again at the next tick")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} hit a transient failure ({ErrorCode}); given back to the queue: {ErrorMessage}")]
    public static partial void JobRetrying(ILogger logger, string jobId, int attempt, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Job {JobId} failed by the sweep: {ErrorCode} {ErrorMessage}")]
    public static partial void JobAbandoned(ILogger logger, string jobId, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Job {JobId} ({Status}, attempt {Attempt}) was stranded; dispatched again")]
    public static partial void JobRedispatched(ILogger logger, string jobId, JobStatus status, int attempt);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Sweep: job {JobId} could not be handled; the next sweep tries again")]
    public static partial void SweepJobFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Error, Message = "Cleaning stale job folders failed; they stay until the next start")]
    public static partial void JanitorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Error, Message = "Job {JobId}: could not delete the objects under {Prefix}")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, string jobId, string prefix);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information,
        Message = "Job {JobId}: {DurationSeconds} s in {SegmentCount} planned segments is split into {ChunkCount} chunks, each cut on its own")]
    public static partial void PipelineSplit(ILogger logger, string jobId, double durationSeconds, int segmentCount, int chunkCount);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt}: split into {ChunkCount} chunks")]
    public static partial void JobSplit(ILogger logger, string jobId, int attempt, int chunkCount);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Warning, Message = "Job {JobId}: chunk {Chunk} could not be sent now; the sweep sends it again")]
    public static partial void ChunkNotSent(ILogger logger, Exception? exception, string jobId, int chunk);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Information, Message = "Work {Work} not claimed: it is not queued (duplicate or late delivery, or done)")]
    public static partial void ChunkSkipped(ILogger logger, JobWork work);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Information, Message = "Work {Work} done: {ChunksDone} of {ChunkCount} chunks of the job are done")]
    public static partial void ChunkDone(ILogger logger, JobWork work, int chunksDone, int chunkCount);

    [LoggerMessage(EventId = 1218, Level = LogLevel.Warning,
        Message = "Job {JobId}: every chunk is done but the commit failed; the sweep commits it")]
    public static partial void ChunkedCommitDeferred(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1219, Level = LogLevel.Information, Message = "Sweep: chunk {Chunk} of job {JobId} ({Status}) sent again")]
    public static partial void ChunkRedispatched(ILogger logger, string jobId, int chunk, ChunkStatus status);
}
