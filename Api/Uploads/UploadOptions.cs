using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Uploads;

/// <summary>Limits and shape of direct-to-S3 uploads.</summary>
internal sealed class UploadOptions
{
    public const string SectionName = "Uploads";
    public const long MinPartBytes = 5L * 1024 * 1024; // S3: every part but the last
    public const int MaxParts = 10_000; // S3

    /// <summary>Largest video accepted (default 5 GB).</summary>
    [Range(1, 5L * 1024 * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 5L * 1000 * 1000 * 1000;

    /// <summary>Largest file for a single presigned PUT; bigger ones must use multipart (S3 allows 5 GB).</summary>
    [Range(1, 5L * 1024 * 1024 * 1024)]
    public long MaxSinglePutBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Preferred multipart part size; raised automatically so no upload needs more than 10,000 parts.</summary>
    [Range(MinPartBytes, 5L * 1024 * 1024 * 1024)]
    public long PartSizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Part URLs returned with the initiate call; ask for more with POST .../parts.</summary>
    [Range(1, 1000)]
    public int InitialPartUrls { get; set; } = 100;

    /// <summary>How long presigned URLs stay valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Content types accepted for uploads.</summary>
    [MinLength(1)]
    public string[] AllowedContentTypes { get; set; } =
    [
        "video/mp4", "video/quicktime", "video/x-matroska", "video/webm", "video/x-msvideo",
        "video/mpeg", "video/mp2t", "video/3gpp", "video/x-m4v", "video/ogg",
    ];
}

[OptionsValidator]
internal sealed partial class UploadOptionsValidator : IValidateOptions<UploadOptions>;
