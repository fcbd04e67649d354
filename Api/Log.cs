using VideoAspire.Core.Jobs;

namespace VideoAspire.Api;

internal static partial class Log
{
    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Bucket {Bucket} and jobs table {Table} are ready")]
    public static partial void ResourcesReady(ILogger logger, string bucket, string table);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "In-process queue full: job {JobId} stays QUEUED and is picked up by the next sweep")]
    public static partial void QueueFull(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Sweep: {Redispatched} stranded jobs dispatched again, {Failed} out of attempts failed")]
    public static partial void JobsRecovered(ILogger logger, int redispatched, int failed);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Worker sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Job {JobId} crashed in the in-process worker")]
    public static partial void JobCrashed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Job {JobId} was sent to {From}, which this Api does not use; it now runs in the in-process worker")]
    public static partial void JobTakenOver(ILogger logger, string jobId, ProcessingMethod from);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Job {JobId}: the Processor function could not be invoked; the job is FAILED")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "No web page at {Folder}: build Web/ (Api.csproj does, with Node) to serve it at /")]
    public static partial void WebPageMissing(ILogger logger, string folder);
}
