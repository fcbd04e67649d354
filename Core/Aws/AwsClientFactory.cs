using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace VideoAspire.Core.Aws;

/// <summary>Builds SDK clients from one <see cref="AwsConnection"/>, so every client agrees on endpoint, region and settings.</summary>
public static class AwsClientFactory
{
    /// <param name="connection">Endpoint, region, credentials and client settings.</param>
    /// <param name="configure">Last changes to the SDK config (tests inject faults through its HttpClientFactory).</param>
    public static IAmazonS3 CreateS3(AwsConnection connection, Action<ClientConfig>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonS3Config { ForcePathStyle = connection.ForcePathStyle };
        Apply(config, connection, connection.S3ServiceUrl);
        configure?.Invoke(config);
        return connection.Credentials is { } credentials
            ? new AmazonS3Client(credentials, config)
            : new AmazonS3Client(config);
    }

    /// <param name="connection">Endpoint, region, credentials and client settings.</param>
    /// <param name="configure">Last changes to the SDK config (tests inject faults through its HttpClientFactory).</param>
    public static IAmazonDynamoDB CreateDynamoDb(AwsConnection connection, Action<ClientConfig>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonDynamoDBConfig();
        Apply(config, connection, connection.DynamoDbServiceUrl);
        configure?.Invoke(config);
        return connection.Credentials is { } credentials
            ? new AmazonDynamoDBClient(credentials, config)
            : new AmazonDynamoDBClient(config);
    }

    private static void Apply(ClientConfig config, AwsConnection connection, Uri? serviceUrl)
    {
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = connection.Region.SystemName;
        }
        else
        {
            config.RegionEndpoint = connection.Region;
        }

        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = connection.MaxAttempts - 1;

        if (connection.RequestChecksumCalculation is { } requestChecksums)
        {
            config.RequestChecksumCalculation = requestChecksums;
        }

        if (connection.ResponseChecksumValidation is { } responseChecksums)
        {
            config.ResponseChecksumValidation = responseChecksums;
        }
    }
}
