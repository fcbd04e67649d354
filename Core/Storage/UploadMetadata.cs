using System.Globalization;

namespace VideoAspire.Core.Storage;

/// <summary>
/// The size a client declared for an upload, kept on the S3 object as user metadata (x-amz-meta-declared-size):
/// signed into a presigned PUT, set by the server when a multipart upload starts.
/// </summary>
public static class UploadMetadata
{
    /// <summary>The metadata key (S3 adds the x-amz-meta- prefix).</summary>
    public const string DeclaredSize = "declared-size";

    /// <summary>The request header a client sends with a presigned PUT.</summary>
    public const string DeclaredSizeHeader = "x-amz-meta-" + DeclaredSize;

    public static string Format(long sizeBytes) => sizeBytes.ToString(CultureInfo.InvariantCulture);

    public static long? Parse(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
}
