using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>Video:Limits on real inputs: refused from the probe, stopped at the time budget or the output size, nothing left.</summary>
public sealed class VideoPipelineLimitsTests(TestVideos videos)
{
    [Fact]
    public async Task HugePicture_IsRefusedFromItsProbe_WithDefaultLimits()
    {
        using var harness = new PipelineHarness();

        var error = await Assert.ThrowsAsync<MediaException>(async () => await harness.RunAsync(await videos.HugePictureAsync(), CuttingOptions.Fixed(5)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("8448x8448", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Segments);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }

    [Fact]
    public async Task LongerThanTheDurationLimit_IsRefusedBeforeCutting()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.MaxDurationSeconds = 10;

        var error = await Assert.ThrowsAsync<MediaException>(async () => await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(5)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("lasts 30 s; at most 10 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Segments);
    }

    [Fact]
    public async Task MoreStreamsThanAllowed_IsRefused()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.MaxStreams = 1;

        var error = await Assert.ThrowsAsync<MediaException>(async () => await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(5)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("2 streams", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeOverItsTimeBudget_IsStoppedAndLeavesNothing()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.BudgetFloor = TimeSpan.Zero;
        harness.Options.Limits.EncodeSecondsPerInputSecond = 0.05; // 20 s of 720p in 1 s: impossible on purpose

        var error = await Assert.ThrowsAsync<MediaException>(async () =>
            await harness.RunAsync(await videos.H264LargeAsync(), CuttingOptions.Fixed(2), OutputMode.Exact));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("budget of 1 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }

    [Fact]
    public async Task ProbeOverItsBudget_IsStoppedAsLimitsExceeded()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.ShortRunBudget = TimeSpan.FromMilliseconds(1); // no ffprobe starts that fast

        var error = await Assert.ThrowsAsync<MediaException>(async () => await harness.RunAsync(await videos.NoAudioAsync(), CuttingOptions.Fixed(5)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.StartsWith("Probing took longer than its budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputOverItsByteLimit_IsStoppedAfterTheSegmentThatCrossedIt()
    {
        using var harness = new PipelineHarness();
        harness.Options.Limits.MaxOutputBytes = 1000;

        var error = await Assert.ThrowsAsync<MediaException>(async () => await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(5)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("past 1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Segments);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }
}
