using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>Video:Limits:MemoryMb on a real input: a re-encode that would not fit is refused before ffmpeg starts; copying is not.</summary>
public sealed class VideoPipelineMemoryLimitTests(TestVideos videos)
{
    [Fact]
    public async Task ReencodeOverTheMemoryLimit_IsRefusedFromTheProbeAndLeavesNothing()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.MemoryMb = 200; // 640x360 needs about 196 MB; 90 % of 200 is 180

        var error = await Assert.ThrowsAsync<MediaException>(async () =>
            await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(10), OutputMode.Exact));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("640x360", error.Message, StringComparison.Ordinal);
        Assert.Contains("200 MB", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Segments);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }

    [Fact]
    public async Task CopyUnderTheSameMemoryLimit_Runs()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.MemoryMb = 200;

        var result = await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(10));

        Assert.Equal(3, result.Segments.Count);
    }
}
