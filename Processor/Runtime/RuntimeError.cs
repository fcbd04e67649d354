namespace VideoAspire.Processor.Runtime;

/// <summary>The body Lambda expects at /invocation/{id}/error and /init/error.</summary>
internal sealed record RuntimeError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    public static RuntimeError From(InvocationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new RuntimeError(error.Message, error.ErrorType, []);
    }

    public static RuntimeError From(Exception exception, string errorType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new RuntimeError(exception.Message, errorType,
            (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
