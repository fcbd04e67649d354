using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace VideoAspire.Core.Aws;

/// <summary>Builds SDK clients from one <see cref="AwsConnection"/>, so every client agrees on endpoint and quirks.</summary>
public static class AwsClientFactory
{
    public static IAmazonS3 CreateS3(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonS3Config { ForcePathStyle = connection.ForcePathStyle };
        Apply(config, connection, connection.S3ServiceUrl);
        return connection.Credentials is { } credentials
            ? new AmazonS3Client(credentials, config)
            : new AmazonS3Client(config);
    }

    public static IAmazonDynamoDB CreateDynamoDb(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonDynamoDBConfig();
        Apply(config, connection, connection.DynamoDbServiceUrl);
        return connection.Credentials is { } credentials
            ? new AmazonDynamoDBClient(credentials, config)
            : new AmazonDynamoDBClient(config);
    }

    private static void Apply(ClientConfig config, AwsConnection connection, Uri? serviceUrl)
    {
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = (connection.Region ?? AwsConnection.DefaultEmulatorRegion).SystemName;
        }
        else if (connection.Region is not null)
        {
            config.RegionEndpoint = connection.Region;
        }

        if (connection.Quirks.ChecksumsOnlyWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
    }
}
