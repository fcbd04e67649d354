using Amazon.Runtime;
using Amazon.S3;
using VideoAspire.Core.Aws;

namespace VideoAspire.UnitTests.Aws;

public sealed class AwsClientFactoryTests
{
    private static AwsConnection Emulator(bool checksumsOnlyWhenRequired) => new(
        AwsConnection.DefaultEmulatorRegion,
        new Uri("http://127.0.0.1:4568"),
        new Uri("http://127.0.0.1:4567"),
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        ForcePathStyle: true,
        new EmulatorQuirks { ChecksumsOnlyWhenRequired = checksumsOnlyWhenRequired });

    [Fact]
    public void CreateS3_CustomEndpoint_UsesItWithPathStyle()
    {
        using var s3 = (AmazonS3Client)AwsClientFactory.CreateS3(Emulator(checksumsOnlyWhenRequired: false));

        var config = (AmazonS3Config)s3.Config;
        Assert.StartsWith("http://127.0.0.1:4568", config.ServiceURL, StringComparison.Ordinal);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.Equal(RequestChecksumCalculation.WHEN_SUPPORTED, config.RequestChecksumCalculation);
    }

    [Fact]
    public void CreateS3_ChecksumQuirk_OnlyComputesChecksumsWhenRequired()
    {
        using var s3 = (AmazonS3Client)AwsClientFactory.CreateS3(Emulator(checksumsOnlyWhenRequired: true));

        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, s3.Config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, s3.Config.ResponseChecksumValidation);
    }

    [Fact]
    public void CreateDynamoDb_CustomEndpoint_UsesIt()
    {
        using var dynamoDb = (Amazon.DynamoDBv2.AmazonDynamoDBClient)AwsClientFactory.CreateDynamoDb(Emulator(false));

        Assert.StartsWith("http://127.0.0.1:4567", dynamoDb.Config.ServiceURL, StringComparison.Ordinal);
    }
}
