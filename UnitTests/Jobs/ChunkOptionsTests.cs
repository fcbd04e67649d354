using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Jobs;

public sealed class ChunkOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] values) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build())
            .AddLogging()
            .AddJobExecution()
            .BuildServiceProvider();

    [Fact]
    public void ChunkSeconds_NotConfigured_Is300()
    {
        using var services = Services();

        Assert.Equal(TimeSpan.FromSeconds(300), services.GetRequiredService<IOptions<ChunkOptions>>().Value.Budget);
    }

    [Fact]
    public void ChunkSeconds_Zero_NeverSplits()
    {
        using var services = Services(("Processing:ChunkSeconds", "0"));

        Assert.Null(services.GetRequiredService<IOptions<ChunkOptions>>().Value.Budget);
    }

    [Theory]
    [InlineData("4.9")]
    [InlineData("-1")]
    [InlineData("86401")]
    public void ChunkSeconds_OutOfRange_FailsValidation(string value)
    {
        using var services = Services(("Processing:ChunkSeconds", value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChunkOptions>>().Value);
        Assert.Contains("Processing:ChunkSeconds", error.Message, StringComparison.Ordinal);
    }
}
