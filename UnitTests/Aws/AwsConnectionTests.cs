using Microsoft.Extensions.Configuration;
using VideoAspire.Core.Aws;

namespace VideoAspire.UnitTests.Aws;

public sealed class AwsConnectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Resolve_NothingConfigured_LeavesEverythingToTheSdk()
    {
        var connection = AwsConnection.Resolve(new AwsOptions(), Config());

        Assert.Null(connection.S3ServiceUrl);
        Assert.Null(connection.DynamoDbServiceUrl);
        Assert.Null(connection.Region);
        Assert.Null(connection.Credentials);
        Assert.False(connection.ForcePathStyle);
        Assert.False(connection.HasCustomEndpoint);
    }

    [Fact]
    public void Resolve_AwsEndpointUrlVariable_AppliesToBothServicesWithPathStyle()
    {
        var connection = AwsConnection.Resolve(new AwsOptions(), Config(("AWS_ENDPOINT_URL", "http://localhost:4566")));

        Assert.Equal(new Uri("http://localhost:4566"), connection.S3ServiceUrl);
        Assert.Equal(new Uri("http://localhost:4566"), connection.DynamoDbServiceUrl);
        Assert.True(connection.ForcePathStyle);
        Assert.Equal("us-east-1", connection.Region?.SystemName);
    }

    [Fact]
    public void Resolve_ServiceSpecificVariable_WinsOverCommonEndpoint()
    {
        var connection = AwsConnection.Resolve(new AwsOptions(), Config(
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000")));

        Assert.Equal(new Uri("http://localhost:4566"), connection.S3ServiceUrl);
        Assert.Equal(new Uri("http://localhost:8000"), connection.DynamoDbServiceUrl);
    }

    [Fact]
    public void Resolve_Options_WinOverEnvironmentVariables()
    {
        var options = new AwsOptions { S3ServiceUrl = "http://127.0.0.1:9000", Region = "eu-west-1" };

        var connection = AwsConnection.Resolve(options, Config(
            ("AWS_ENDPOINT_URL_S3", "http://localhost:4566"),
            ("AWS_REGION", "us-west-2")));

        Assert.Equal(new Uri("http://127.0.0.1:9000"), connection.S3ServiceUrl);
        Assert.Null(connection.DynamoDbServiceUrl);
        Assert.Equal("eu-west-1", connection.Region?.SystemName);
    }

    [Fact]
    public void Resolve_RegionVariables_AreUsedInOrder()
    {
        var connection = AwsConnection.Resolve(new AwsOptions(), Config(
            ("AWS_DEFAULT_REGION", "ap-south-1"),
            ("AWS_REGION", "eu-central-1")));

        Assert.Equal("eu-central-1", connection.Region?.SystemName);
        Assert.False(connection.HasCustomEndpoint);
    }

    [Fact]
    public void Resolve_ExplicitPathStyleFalse_IsKeptForCustomEndpoint()
    {
        var options = new AwsOptions { ServiceUrl = "https://s3.example.test", ForcePathStyle = false };

        var connection = AwsConnection.Resolve(options, Config());

        Assert.False(connection.ForcePathStyle);
    }

    [Fact]
    public void Resolve_StaticKeys_BecomeBasicCredentials()
    {
        var options = new AwsOptions { AccessKeyId = "AKID", SecretAccessKey = "SECRET" };

        var connection = AwsConnection.Resolve(options, Config());

        Assert.Equal("AKID", connection.Credentials?.GetCredentials().AccessKey);
    }

    [Theory]
    [InlineData("ftp://localhost:21")]
    [InlineData("localhost:4566")]
    public void Resolve_EndpointThatIsNotHttp_ThrowsWithTheValue(string endpoint)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            AwsConnection.Resolve(new AwsOptions(), Config(("AWS_ENDPOINT_URL", endpoint))));

        Assert.Contains(endpoint, exception.Message, StringComparison.Ordinal);
    }
}
