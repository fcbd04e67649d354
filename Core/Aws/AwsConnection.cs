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
    RegionEndpoint Region,
    Uri? S3ServiceUrl,
    Uri? DynamoDbServiceUrl,
    AWSCredentials? Credentials,
    bool ForcePathStyle)
{
    /// <summary>Said when no region is found: how to set one, and the command that runs everything locally.</summary>
    public const string MissingRegionMessage =
        "No AWS region is configured. Set AWS_REGION (or Aws:Region, or a region in the AWS profile). " +
        "To run locally against the emulators, start the whole system with: dotnet run --project AppHost";

    /// <summary>Attempts per call, the first included (<see cref="AwsOptions.MaxAttempts"/>).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Whether S3 uploads send aws-chunked bodies (<see cref="AwsOptions.UseChunkEncoding"/>).</summary>
    public bool UseChunkEncoding { get; init; } = true;

    /// <summary>The SDK's request checksum setting; null leaves the SDK's own (<see cref="AwsOptions.RequestChecksumCalculation"/>).</summary>
    public RequestChecksumCalculation? RequestChecksumCalculation { get; init; }

    /// <summary>The SDK's response checksum setting; null leaves the SDK's own (<see cref="AwsOptions.ResponseChecksumValidation"/>).</summary>
    public ResponseChecksumValidation? ResponseChecksumValidation { get; init; }

    /// <summary>True when at least one service goes to a custom endpoint (LocalStack, an emulator).</summary>
    public bool HasCustomEndpoint => S3ServiceUrl is not null || DynamoDbServiceUrl is not null;

    /// <exception cref="InvalidOperationException">No region anywhere (<see cref="MissingRegionMessage"/>), or an endpoint is not an http(s) URL.</exception>
    public static AwsConnection Resolve(AwsOptions options, IConfiguration configuration) =>
        Resolve(options, configuration, SdkRegion);

    /// <summary>As <see cref="Resolve(AwsOptions, IConfiguration)"/>, with <paramref name="sdkRegion"/> as the SDK's own lookup, asked last (tests pass one that finds nothing).</summary>
    internal static AwsConnection Resolve(AwsOptions options, IConfiguration configuration, Func<RegionEndpoint?> sdkRegion)
    {
        var common = FirstNonEmpty(options.ServiceUrl, configuration["AWS_ENDPOINT_URL"]);
        var s3 = ToUri(FirstNonEmpty(options.S3ServiceUrl, configuration["AWS_ENDPOINT_URL_S3"], common));
        var dynamo = ToUri(FirstNonEmpty(options.DynamoDbServiceUrl, configuration["AWS_ENDPOINT_URL_DYNAMODB"], common));
        var regionName = FirstNonEmpty(options.Region, configuration["AWS_REGION"], configuration["AWS_DEFAULT_REGION"], ProfileRegion(options));
        var region = (regionName is not null ? RegionEndpoint.GetBySystemName(regionName) : sdkRegion())
            ?? throw new InvalidOperationException(MissingRegionMessage);

        return new AwsConnection(region, s3, dynamo, ResolveCredentials(options), options.ForcePathStyle ?? s3 is not null)
        {
            MaxAttempts = options.MaxAttempts,
            UseChunkEncoding = options.UseChunkEncoding,
            RequestChecksumCalculation = options.RequestChecksumCalculation,
            ResponseChecksumValidation = options.ResponseChecksumValidation,
        };
    }

    /// <summary>The SDK's usual region lookup: environment, the default profile, instance metadata.</summary>
    private static RegionEndpoint? SdkRegion() => FallbackRegionFactory.GetRegionEndpoint();

    /// <summary>The region of the profile named in <see cref="AwsOptions.Profile"/> (AWS_PROFILE is the SDK's own lookup).</summary>
    private static string? ProfileRegion(AwsOptions options) =>
        !string.IsNullOrEmpty(options.Profile) && new CredentialProfileStoreChain().TryGetProfile(options.Profile, out var profile)
            ? profile.Region?.SystemName
            : null;

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
