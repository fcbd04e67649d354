using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Jobs;

public sealed class SegmentUploadOptionsTests
{
    /// <summary>The job services with only these settings (also for the other Processing options' tests).</summary>
    internal static ServiceProvider Services(params (string Key, string Value)[] values) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build())
            .AddLogging()
            .AddJobExecution()
            .BuildServiceProvider();

    [Fact]
    public void UploadConcurrency_NotConfigured_IsFour()
    {
        using var services = Services();

        Assert.Equal(4, services.GetRequiredService<IOptions<SegmentUploadOptions>>().Value.UploadConcurrency);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    public void UploadConcurrency_OutOfRange_FailsValidation(string value)
    {
        using var services = Services(("Processing:UploadConcurrency", value));

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SegmentUploadOptions>>().Value);

        Assert.Contains("Processing:UploadConcurrency", exception.Message, StringComparison.Ordinal);
    }
}
