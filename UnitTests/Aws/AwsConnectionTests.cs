using Amazon;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using VideoAspire.Core.Aws;
using VideoAspire.LocalAws;

namespace VideoAspire.UnitTests.Aws;

public sealed class AwsConnectionTests
{
    private static readonly (string Key, string Value) SomeRegion = ("AWS_REGION", "us-east-1");

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    /// <summary>Resolves with an SDK lookup that finds no region, so the machine's own settings never leak in.</summary>
    private static AwsConnection Resolve(AwsOptions options, params (string Key, string Value)[] values) =>
        AwsConnection.Resolve(options, Config(values), sdkRegion: () => null);

    [Fact]
    public void Resolve_OnlyARegion_LeavesEverythingElseToTheSdk()
    {
        var connection = Resolve(new AwsOptions(), SomeRegion);

        Assert.Null(connection.S3ServiceUrl);
        Assert.Null(connection.DynamoDbServiceUrl);
        Assert.Equal("us-east-1", connection.Region.SystemName);
        Assert.Null(connection.Credentials);
        Assert.False(connection.ForcePathStyle);
        Assert.False(connection.HasCustomEndpoint);
        Assert.True(connection.UseChunkEncoding);
        Assert.Null(connection.RequestChecksumCalculation);
        Assert.Null(connection.ResponseChecksumValidation);
    }

    [Fact]
    public void Resolve_NoRegionAnywhere_ThrowsNamingHowToSetOneAndTheAppHost()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve(new AwsOptions()));

        Assert.Contains("AWS_REGION", exception.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project AppHost", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CustomEndpointButNoRegion_ThrowsRatherThanGuessingOne()
    {
        Assert.Throws<InvalidOperationException>(() => Resolve(new AwsOptions(), ("AWS_ENDPOINT_URL", "http://localhost:4566")));
    }

    [Fact]
    public void Resolve_NoRegionConfigured_TakesTheSdksLookup()
    {
        var connection = AwsConnection.Resolve(new AwsOptions(), Config(), sdkRegion: () => RegionEndpoint.APSoutheast2);

        Assert.Equal("ap-southeast-2", connection.Region.SystemName);
    }

    [Fact]
    public void Resolve_AwsEndpointUrlVariable_AppliesToBothServicesWithPathStyle()
    {
        var connection = Resolve(new AwsOptions(), ("AWS_ENDPOINT_URL", "http://localhost:4566"), SomeRegion);

        Assert.Equal(new Uri("http://localhost:4566"), connection.S3ServiceUrl);
        Assert.Equal(new Uri("http://localhost:4566"), connection.DynamoDbServiceUrl);
        Assert.True(connection.ForcePathStyle);
    }

    [Fact]
    public void Resolve_ServiceSpecificVariable_WinsOverCommonEndpoint()
    {
        var connection = Resolve(new AwsOptions(),
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000"),
            SomeRegion);

        Assert.Equal(new Uri("http://localhost:4566"), connection.S3ServiceUrl);
        Assert.Equal(new Uri("http://localhost:8000"), connection.DynamoDbServiceUrl);
    }

    [Fact]
    public void Resolve_Options_WinOverEnvironmentVariables()
    {
        var options = new AwsOptions { S3ServiceUrl = "http://127.0.0.1:9000", Region = "eu-west-1" };

        var connection = Resolve(options, ("AWS_ENDPOINT_URL_S3", "http://localhost:4566"), ("AWS_REGION", "us-west-2"));

        Assert.Equal(new Uri("http://127.0.0.1:9000"), connection.S3ServiceUrl);
        Assert.Null(connection.DynamoDbServiceUrl);
        Assert.Equal("eu-west-1", connection.Region.SystemName);
    }

    [Fact]
    public void Resolve_RegionVariables_AreUsedInOrder()
    {
        var connection = Resolve(new AwsOptions(), ("AWS_DEFAULT_REGION", "ap-south-1"), ("AWS_REGION", "eu-central-1"));

        Assert.Equal("eu-central-1", connection.Region.SystemName);
        Assert.False(connection.HasCustomEndpoint);
    }

    [Fact]
    public void Resolve_ExplicitPathStyleFalse_IsKeptForCustomEndpoint()
    {
        var options = new AwsOptions { ServiceUrl = "https://s3.example.test", ForcePathStyle = false };

        var connection = Resolve(options, SomeRegion);

        Assert.False(connection.ForcePathStyle);
    }

    [Fact]
    public void Resolve_StaticKeys_BecomeBasicCredentials()
    {
        var options = new AwsOptions { AccessKeyId = "AKID", SecretAccessKey = "SECRET" };

        var connection = Resolve(options, SomeRegion);

        Assert.Equal("AKID", connection.Credentials?.GetCredentials().AccessKey);
    }

    [Fact]
    public void Resolve_EmbeddedAwsClientSettings_BindToPlainBodiesAndChecksumsOnlyWhenRequired()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(EmbeddedAws.ClientSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>()!;

        var connection = AwsConnection.Resolve(options, configuration, sdkRegion: () => null);

        Assert.Equal(EmbeddedAws.Region, connection.Region.SystemName);
        Assert.False(connection.UseChunkEncoding);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, connection.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, connection.ResponseChecksumValidation);
    }

    [Theory]
    [InlineData("ftp://localhost:21")]
    [InlineData("localhost:4566")]
    public void Resolve_EndpointThatIsNotHttp_ThrowsWithTheValue(string endpoint)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            Resolve(new AwsOptions(), ("AWS_ENDPOINT_URL", endpoint), SomeRegion));

        Assert.Contains(endpoint, exception.Message, StringComparison.Ordinal);
    }
}
