using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Storage;

namespace VideoAspire.UnitTests.Aws;

public sealed class OptionsValidationTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddStorage()
            .BuildServiceProvider();
    }

    [Fact]
    public void StorageOptions_EmptyConfiguration_FailsValidation()
    {
        using var services = Services();

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(nameof(StorageOptions.BucketName), StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains(nameof(StorageOptions.JobsTableName), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("ab")]
    [InlineData("192.168.1.1")]
    [InlineData("bucket_with_underscore")]
    public void StorageOptions_InvalidBucketName_FailsValidation(string bucket)
    {
        using var services = Services(("Storage:BucketName", bucket), ("Storage:JobsTableName", "jobs"));

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:BucketName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageOptions_ValidNames_PassValidation()
    {
        using var services = Services(("Storage:BucketName", "videoaspire-videos"), ("Storage:JobsTableName", "videoaspire-jobs"));

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("videoaspire-videos", options.BucketName);
        Assert.Equal(["*"], options.CorsAllowedOrigins);
    }

    [Theory]
    [InlineData("Aws:Region", "Virginia")]
    [InlineData("Aws:ServiceUrl", "not a url")]
    public void AwsOptions_InvalidValue_FailsValidation(string key, string value)
    {
        using var services = Services((key, value));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AwsOptions>>().Value);
    }
}
