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
}
