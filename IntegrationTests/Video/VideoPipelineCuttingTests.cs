using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>Real ffmpeg on generated videos: where the cuts land, in both output modes.</summary>
public sealed class VideoPipelineCuttingTests(TestVideos videos)
{
    private const double OneFrame = 1.0 / 30;

    [Fact]
    public async Task CopyMode_FixedSevenSeconds_CutsOnTheNextKeyframes()
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();

        var result = await harness.RunAsync(input, CuttingOptions.Fixed(7));

        // Plan 0,7,14,21,28; keyframes every 2 s, so copy cuts land at 0,8,14,22,28.
        Assert.Equal([0, 7, 14, 21, 28], result.Plan.Select(p => p.Start.TotalSeconds));
        Assert.Equal([0, 8, 14, 22, 28], harness.Segments.Select(s => Math.Round(s.Segment.Start.TotalSeconds, 1)));
        Assert.True(result.Encoding.CopyVideo);
        foreach (var segment in harness.Segments)
        {
            Assert.True(await FfprobeReader.FirstFrameIsKeyframeAsync(segment.File), $"{segment.File} does not start on a keyframe");
        }

        Assert.Equal(30, harness.Segments.Sum(s => s.Segment.Duration.TotalSeconds), 0.2);
    }

    [Fact]
    public async Task ExactMode_FixedSevenSeconds_CutsWithinOneFrameOfThePlan()
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();

        var result = await harness.RunAsync(input, CuttingOptions.Fixed(7), OutputMode.Exact);

        Assert.False(result.Encoding.CopyVideo);
        Assert.Equal(result.Plan.Count, harness.Segments.Count);
        foreach (var (planned, produced) in result.Plan.Zip(harness.Segments))
        {
            // Frames counted, at 30 fps: within one frame of the planned length.
            var frames = await FfprobeReader.VideoFrameCountAsync(produced.File);
            Assert.InRange(produced.Segment.Start.TotalSeconds, planned.Start.TotalSeconds - OneFrame, planned.Start.TotalSeconds + OneFrame);
            Assert.InRange(frames, (planned.Duration.TotalSeconds * 30) - 1, (planned.Duration.TotalSeconds * 30) + 1);
            Assert.True(await FfprobeReader.FirstFrameIsKeyframeAsync(produced.File));
        }
    }

    [Fact]
    public async Task ExactMode_RandomPlan_ProducesThePlannedSegmentsAndIsReproducible()
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();
        var cutting = CuttingOptions.Random(3, 9, seed: 42);

        var result = await harness.RunAsync(input, cutting, OutputMode.Exact);

        Assert.Equal(SegmentPlanner.Plan(TimeSpan.FromSeconds(30), cutting), result.Plan);
        Assert.Equal(result.Plan.Count, harness.Segments.Count);
        Assert.All(result.Plan.SkipLast(1), p => Assert.InRange(p.Duration.TotalSeconds, 3, 9));
        foreach (var (planned, produced) in result.Plan.Zip(harness.Segments))
        {
            Assert.InRange(await FfprobeReader.VideoFrameCountAsync(produced.File),
                (planned.Duration.TotalSeconds * 30) - 1, (planned.Duration.TotalSeconds * 30) + 1);
        }
    }

    [Fact]
    public async Task Segments_DurationReadFromTheFile_AgreesWithFfprobe()
    {
        using var harness = new PipelineHarness();

        await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(10));

        Assert.Equal(3, harness.Segments.Count);
        foreach (var segment in harness.Segments)
        {
            Assert.Equal(await FfprobeReader.VideoDurationAsync(segment.File), segment.Segment.Duration.TotalSeconds, 0.001);
            Assert.Equal(new FileInfo(segment.File).Length, segment.Segment.SizeBytes);
        }
    }

    [Fact]
    public async Task Segments_AreAnnouncedWhileFfmpegIsStillWorking()
    {
        using var harness = new PipelineHarness();
        double? progressAtFirstSegment = null;

        await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(5), OutputMode.Exact,
            onSegment: _ =>
            {
                lock (harness.Progress)
                {
                    progressAtFirstSegment ??= harness.Progress.LastOrDefault();
                }

                return ValueTask.CompletedTask;
            });

        Assert.NotNull(progressAtFirstSegment);
        Assert.True(progressAtFirstSegment < 90, $"first segment announced at {progressAtFirstSegment}%");
        Assert.Equal(100, harness.Progress[^1]);
        Assert.Equal(harness.Progress.Order(), harness.Progress);
    }

    [Fact]
    public async Task Run_AnyOutcome_LeavesTheWorkFolderEmpty()
    {
        using var harness = new PipelineHarness();

        await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(10), thumbnails: true);

        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }
}
