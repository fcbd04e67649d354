namespace VideoAspire.LambdaEmulator;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Function {Function}: invocation {RequestId} (attempt {Attempt}) ended with {ErrorType}")]
    public static partial void InvocationFailed(ILogger logger, string function, string requestId, int attempt, string errorType);

    [LoggerMessage(2, LogLevel.Error, "Function {Function}: asynchronous invocation {RequestId} failed {Attempts} times and was discarded (Lambda would send it to the on-failure destination)")]
    public static partial void EventDiscarded(ILogger logger, string function, string requestId, int attempts);

    [LoggerMessage(3, LogLevel.Error, "Function {Function}: an instance failed to initialise: {Body}")]
    public static partial void InitError(ILogger logger, string function, string body);

    [LoggerMessage(4, LogLevel.Information, "Function {Function}: invocation {RequestId} (attempt {Attempt}) delivered")]
    public static partial void Delivered(ILogger logger, string function, string requestId, int attempt);
}
