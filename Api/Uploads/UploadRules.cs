using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Uploads;

/// <summary>Checks of a declared upload beyond what attributes express; field errors keyed like the JSON.</summary>
internal static class UploadRules
{
    public static Dictionary<string, string[]> Check(CreateUploadRequest request, UploadOptions options, bool multipart)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.FileName.Any(char.IsControl) || request.FileName.Contains('/', StringComparison.Ordinal)
            || request.FileName.Contains('\\', StringComparison.Ordinal) || request.FileName.Contains("..", StringComparison.Ordinal)
            || string.IsNullOrWhiteSpace(request.FileName))
        {
            errors["fileName"] = ["Must be a plain file name: no path separators, '..' or control characters."];
        }

        if (!options.AllowedContentTypes.Contains(request.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            errors["contentType"] = [$"Must be a video type: {string.Join(", ", options.AllowedContentTypes)}."];
        }

        if (request.SizeBytes > options.MaxUploadBytes)
        {
            errors["sizeBytes"] = [$"At most {options.MaxUploadBytes} bytes."];
        }
        else if (!multipart && request.SizeBytes > options.MaxSinglePutBytes)
        {
            errors["sizeBytes"] = [$"Files over {options.MaxSinglePutBytes} bytes must use POST /api/uploads/multipart."];
        }

        return errors;
    }

    /// <summary>The part size: the configured one, raised so the file fits in S3's 10,000 parts.</summary>
    public static long PartSize(long fileSize, long preferred) =>
        Math.Max(preferred, (fileSize + UploadOptions.MaxParts - 1) / UploadOptions.MaxParts);

    public static int PartCount(long fileSize, long partSize) => (int)((fileSize + partSize - 1) / partSize);

    /// <summary>The bytes of part <paramref name="partNumber"/> (1-based): a whole part, or what is left for the last one.</summary>
    public static long PartLength(long fileSize, long partSize, int partNumber) =>
        Math.Min(partSize, fileSize - (partSize * (partNumber - 1)));

    /// <summary>
    /// Why a stored upload cannot be used (its size is not the declared one, or nothing was declared: a body
    /// other than the one the Api signed for), or null when it can.
    /// </summary>
    public static string? StoredUploadProblem(StoredUpload upload, UploadOptions options) => upload switch
    {
        { DeclaredSizeBytes: null } =>
            $"The upload carries no declared size: send the file with the headers the upload answer listed ({UploadMetadata.DeclaredSizeHeader}).",
        { MatchesDeclaration: false } =>
            $"The upload has {upload.SizeBytes} bytes but {upload.DeclaredSizeBytes} were declared; upload the file again.",
        _ when upload.SizeBytes > options.MaxUploadBytes =>
            $"The uploaded video has {upload.SizeBytes} bytes; at most {options.MaxUploadBytes} are accepted.",
        _ => null,
    };
}
