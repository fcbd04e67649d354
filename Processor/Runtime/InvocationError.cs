namespace VideoAspire.Processor.Runtime;

/// <summary>An invocation that ends as a function error on purpose: the type Lambda records (errorType) and why.</summary>
internal sealed record InvocationError(string ErrorType, string Message);
