namespace VideoAspire.Processor.Runtime;

/// <summary>
/// How an invocation ends: response bytes (posted to /response) or an <see cref="InvocationError"/> (posted to /error,
/// so Lambda counts a function error and, for asynchronous invokes, retries the event).
/// </summary>
internal sealed class InvocationResult
{
    private InvocationResult(byte[]? response, InvocationError? error)
    {
        Response = response;
        Error = error;
    }

    /// <summary>The response body (JSON) when the invocation succeeded.</summary>
    public byte[]? Response { get; }

    /// <summary>The error to report when the invocation failed on purpose.</summary>
    public InvocationError? Error { get; }

    public static InvocationResult Success(byte[] response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new InvocationResult(response, null);
    }

    public static InvocationResult Failure(string errorType, string message) => new(null, new InvocationError(errorType, message));
}
