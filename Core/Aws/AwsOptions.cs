using System.ComponentModel.DataAnnotations;
using Amazon.Runtime;
using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Aws;

/// <summary>
/// How the services reach S3 and DynamoDB. Empty means "real AWS with the SDK's defaults".
/// The standard AWS environment variables are honoured as fall-backs (see <see cref="AwsConnection"/>).
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>Region; falls back to AWS_REGION, AWS_DEFAULT_REGION, then the SDK's own lookup (profile, instance metadata).</summary>
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-[0-9]+$", ErrorMessage = "Aws:Region must look like 'us-east-1'.")]
    public string? Region { get; set; }

    /// <summary>A named profile from ~/.aws; falls back to AWS_PROFILE through the SDK.</summary>
    public string? Profile { get; set; }

    /// <summary>One endpoint for every service (same meaning as AWS_ENDPOINT_URL).</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>S3 endpoint (same meaning as AWS_ENDPOINT_URL_S3); wins over <see cref="ServiceUrl"/>.</summary>
    [Url]
    public string? S3ServiceUrl { get; set; }

    /// <summary>DynamoDB endpoint (same meaning as AWS_ENDPOINT_URL_DYNAMODB); wins over <see cref="ServiceUrl"/>.</summary>
    [Url]
    public string? DynamoDbServiceUrl { get; set; }

    /// <summary>Static keys, meant for emulators only; real AWS uses the SDK's credential chain.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Path-style S3 addressing; null means "on for a custom endpoint, off for AWS".</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// Attempts per AWS call, the first included: throttling, 5xx and dropped connections are retried with
    /// exponential backoff and jitter (the SDK's standard retry mode).
    /// </summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// S3 uploads (PutObject) with an aws-chunked body, the SDK's default. False sends one plainly signed body,
    /// for S3-compatible servers that do not decode aws-chunked.
    /// </summary>
    public bool UseChunkEncoding { get; set; } = true;

    /// <summary>The SDK's request checksum setting (WHEN_SUPPORTED or WHEN_REQUIRED); null leaves it to the SDK (AWS_REQUEST_CHECKSUM_CALCULATION).</summary>
    public RequestChecksumCalculation? RequestChecksumCalculation { get; set; }

    /// <summary>The SDK's response checksum setting (WHEN_SUPPORTED or WHEN_REQUIRED); null leaves it to the SDK (AWS_RESPONSE_CHECKSUM_VALIDATION).</summary>
    public ResponseChecksumValidation? ResponseChecksumValidation { get; set; }
}

[OptionsValidator]
internal sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>;
