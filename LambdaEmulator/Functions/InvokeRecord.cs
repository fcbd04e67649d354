using System.Text.Json.Serialization;

namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>An Invoke request as received: kept so a developer (or a test) can see what the Api sent.</summary>
public sealed record InvokeRecord(
    string Function,
    InvocationType InvocationType,
    [property: JsonIgnore] string Authorization,
    [property: JsonIgnore] string AmzDate,
    [property: JsonIgnore] byte[] Payload,
    string? TraceParent,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Whether the request carried a SigV4 Authorization header (the value itself is not shown).</summary>
    public bool HasSignature => Authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal);
}
