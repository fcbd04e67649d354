using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Jobs;

public sealed class ChunkOptionsTests
{
    [Fact]
    public void ChunkSeconds_NotConfigured_Is300()
    {
        using var services = SegmentUploadOptionsTests.Services();

        Assert.Equal(TimeSpan.FromSeconds(300), services.GetRequiredService<IOptions<ChunkOptions>>().Value.Budget);
    }

    [Fact]
    public void ChunkSeconds_Zero_NeverSplits()
    {
        using var services = SegmentUploadOptionsTests.Services(("Processing:ChunkSeconds", "0"));

        Assert.Null(services.GetRequiredService<IOptions<ChunkOptions>>().Value.Budget);
    }

    [Theory]
    [InlineData("4.9")]
    [InlineData("-1")]
    [InlineData("86401")]
    public void ChunkSeconds_OutOfRange_FailsValidation(string value)
    {
        using var services = SegmentUploadOptionsTests.Services(("Processing:ChunkSeconds", value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChunkOptions>>().Value);
        Assert.Contains("Processing:ChunkSeconds", error.Message, StringComparison.Ordinal);
    }
}
