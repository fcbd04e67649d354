using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.Configuration;

namespace VideoAspire.Core.Aws;

/// <summary>
/// The resolved answer to "where are S3 and DynamoDB, and who am I there": options first, then the
/// standard AWS environment variables, then the SDK's defaults (real AWS).
/// </summary>
public sealed record AwsConnection(
    RegionEndpoint? Region,
    Uri? S3ServiceUrl,
    Uri? DynamoDbServiceUrl,
    AWSCredentials? Credentials,
    bool ForcePathStyle,
    EmulatorQuirks Quirks)
{
    /// <summary>Attempts per call, the first included (<see cref="AwsOptions.MaxAttempts"/>).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Region used for signing against a custom endpoint when none is configured.</summary>
    public static readonly RegionEndpoint DefaultEmulatorRegion = RegionEndpoint.USEast1;

    /// <summary>True when at least one service goes to a custom endpoint (LocalStack, an emulator).</summary>
    public bool HasCustomEndpoint => S3ServiceUrl is not null || DynamoDbServiceUrl is not null;

    public static AwsConnection Resolve(AwsOptions options, IConfiguration configuration)
    {
        var common = FirstNonEmpty(options.ServiceUrl, configuration["AWS_ENDPOINT_URL"]);
        var s3 = ToUri(FirstNonEmpty(options.S3ServiceUrl, configuration["AWS_ENDPOINT_URL_S3"], common));
        var dynamo = ToUri(FirstNonEmpty(options.DynamoDbServiceUrl, configuration["AWS_ENDPOINT_URL_DYNAMODB"], common));
        var regionName = FirstNonEmpty(options.Region, configuration["AWS_REGION"], configuration["AWS_DEFAULT_REGION"]);
        var region = regionName is not null
            ? RegionEndpoint.GetBySystemName(regionName)
            : s3 is not null || dynamo is not null ? DefaultEmulatorRegion : null;

        return new AwsConnection(
            region,
            s3,
            dynamo,
            ResolveCredentials(options),
            options.ForcePathStyle ?? s3 is not null,
            options.Emulator)
        {
            MaxAttempts = options.MaxAttempts,
        };
    }

    private static AWSCredentials? ResolveCredentials(AwsOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey);
        }

        if (!string.IsNullOrEmpty(options.Profile))
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(options.Profile, out var credentials)
                ? credentials
                : throw new InvalidOperationException(
                    $"AWS profile '{options.Profile}' (Aws:Profile) was not found in the shared credentials or config file.");
        }

        return null; // the SDK's default chain: environment, profile, container or instance role
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static Uri? ToUri(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new InvalidOperationException($"AWS endpoint '{value}' is not an absolute http(s) URL.");
}
