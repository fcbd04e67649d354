namespace VideoAspire.Processor;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Invocation {RequestId}: job {JobId}, {TimeLimitSeconds} s before the deadline margin")]
    public static partial void InvocationStarted(ILogger logger, string requestId, string jobId, double timeLimitSeconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Invocation {RequestId} failed")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Invocation {RequestId} ends as a function error of type {ErrorType}: {Reason}")]
    public static partial void InvocationError(ILogger logger, string requestId, string errorType, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Invocation {RequestId}: sweep dispatched {Redispatched} stranded jobs again and failed {Failed}")]
    public static partial void Swept(ILogger logger, string requestId, int redispatched, int failed);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Invocation {RequestId}: {Records} failure-queue records, {Failed} jobs failed")]
    public static partial void FailureRecordsRead(ILogger logger, string requestId, int records, int failed);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Critical, Message = "The Lambda Runtime API cannot be reached; exiting")]
    public static partial void RuntimeApiUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Job {JobId}: invoking the function for chunk {Chunk} failed; the sweep sends it again")]
    public static partial void ChunkInvokeFailed(ILogger logger, Exception exception, string jobId, int chunk);
}
