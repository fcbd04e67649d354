namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// How one stream (video or audio) reaches the segments: <paramref name="Copy"/> or re-encoded, from which codec to
/// which, and <paramref name="Decision"/> in words for people ("copied", "re-encoded: exact cuts").
/// </summary>
public sealed record StreamEncoding(bool Copy, string InputCodec, string OutputCodec, string Decision)
{
    public static StreamEncoding Copied(string codec) => new(true, codec, codec, "copied");

    public static StreamEncoding ReEncoded(string inputCodec, string outputCodec, string reason) =>
        new(false, inputCodec, outputCodec, $"re-encoded: {reason}");
}
