using Microsoft.Extensions.Logging;

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

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Job {JobId}: cutting {DurationSeconds} s into {SegmentCount} planned segments (copy video: {CopyVideo}, copy audio: {CopyAudio})")]
    public static partial void PipelineStarting(ILogger logger, string jobId, double durationSeconds, int segmentCount, bool copyVideo, bool copyAudio);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Job {JobId}: {SegmentCount} segments produced")]
    public static partial void PipelineFinished(ILogger logger, string jobId, int segmentCount);
}
