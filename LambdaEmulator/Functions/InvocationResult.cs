namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>How one delivery of an invocation ended: the function's response, its error, or a timeout.</summary>
public sealed record InvocationResult(
    string RequestId, string Function, int Attempt, bool Error, string? ErrorType, string Body, DateTimeOffset EndedAt)
{
    /// <summary>Lambda's error type when the function does not answer before its deadline.</summary>
    public const string TimeoutErrorType = "Sandbox.Timedout";
}
