using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Storage;

/// <summary>Where videos, segments and job records live.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The S3 bucket for uploads, segments and thumbnails.</summary>
    [Required]
    [RegularExpression(@"^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        ErrorMessage = "Storage:BucketName must be a valid S3 bucket name (3-63 lower-case letters, digits, '.', '-').")]
    public string BucketName { get; set; } = "";

    /// <summary>The DynamoDB table holding one item per job.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.-]{3,255}$",
        ErrorMessage = "Storage:JobsTableName must be 3-255 letters, digits, '_', '.' or '-'.")]
    public string JobsTableName { get; set; } = "";

    /// <summary>Origins allowed to PUT uploads straight from a browser (bucket CORS, set by the bootstrap).</summary>
    public string[] CorsAllowedOrigins { get; set; } = ["*"];

    /// <summary>
    /// How long a finished job's record is kept: its <c>ttl</c> attribute, after which DynamoDB deletes it (where TTL
    /// is supported; the CDK stack expires the job's objects after the same time).
    /// </summary>
    [Range(1, 3650)]
    public int FinishedJobRetentionDays { get; set; } = 30;

    /// <summary>Create the bucket and table at start when missing (development, tests, Aspire).</summary>
    public bool BootstrapResources { get; set; }
}

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
