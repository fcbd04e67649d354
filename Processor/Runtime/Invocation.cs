namespace VideoAspire.Processor.Runtime;

/// <summary>One event from GET /runtime/invocation/next, with the headers Lambda sends along.</summary>
internal sealed record Invocation(string RequestId, long DeadlineUnixMilliseconds, string? FunctionArn, string? TraceId, byte[] Body);
