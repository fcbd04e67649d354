using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using VideoAspire.Core.Aws;

namespace VideoAspire.UnitTests.Aws;

public sealed class AwsClientFactoryTests
{
    private static AwsConnection CustomEndpoints() => new(
        RegionEndpoint.EUWest1,
        new Uri("http://127.0.0.1:4568"),
        new Uri("http://127.0.0.1:4567"),
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        ForcePathStyle: true);

    [Fact]
    public void CreateS3_CustomEndpoint_UsesItWithPathStyleAndSignsForTheRegion()
    {
        using var s3 = (AmazonS3Client)AwsClientFactory.CreateS3(CustomEndpoints());

        var config = (AmazonS3Config)s3.Config;
        Assert.StartsWith("http://127.0.0.1:4568", config.ServiceURL, StringComparison.Ordinal);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(RequestChecksumCalculation.WHEN_SUPPORTED, config.RequestChecksumCalculation);
    }

    [Fact]
    public void CreateS3_NoCustomEndpoint_UsesTheRegionsEndpoint()
    {
        using var s3 = (AmazonS3Client)AwsClientFactory.CreateS3(new AwsConnection(RegionEndpoint.EUCentral1, null, null, null, ForcePathStyle: false));

        Assert.Equal(RegionEndpoint.EUCentral1, s3.Config.RegionEndpoint);
    }

    [Fact]
    public void CreateS3_ChecksumSettings_AreGivenToTheSdk()
    {
        var connection = CustomEndpoints() with
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        using var s3 = (AmazonS3Client)AwsClientFactory.CreateS3(connection);

        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, s3.Config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, s3.Config.ResponseChecksumValidation);
    }

    [Fact]
    public void CreateDynamoDb_CustomEndpoint_UsesIt()
    {
        using var dynamoDb = (Amazon.DynamoDBv2.AmazonDynamoDBClient)AwsClientFactory.CreateDynamoDb(CustomEndpoints());

        Assert.StartsWith("http://127.0.0.1:4567", dynamoDb.Config.ServiceURL, StringComparison.Ordinal);
    }
}
