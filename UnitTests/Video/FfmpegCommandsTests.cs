using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class FfmpegCommandsTests
{
    private static readonly IReadOnlyList<SegmentPlan> Plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(30), CuttingOptions.Fixed(10));

    private static string After(IReadOnlyList<string> args, string option) => args[args.ToList().IndexOf(option) + 1];

    [Fact]
    public void Segment_CopyMode_CopiesStreamsAndCutsAtThePlannedTimes()
    {
        var args = FfmpegCommands.Segment("in.mp4", TimeSpan.FromSeconds(30), Plan, EncodingPlans.Of(true, true, true), new VideoOptions(), "/w");

        Assert.Equal("copy", After(args, "-c:v"));
        Assert.Equal("copy", After(args, "-c:a"));
        Assert.DoesNotContain("-tag:v", args);
        Assert.Equal("10,20", After(args, "-segment_times"));
        Assert.DoesNotContain("-force_key_frames", args);
        Assert.DoesNotContain("-segment_format_options", args);
        Assert.Equal("/w/segment-%04d.mp4", args[^1]);
    }

    [Fact]
    public void Segment_CopiedHevc_IsTaggedHvc1()
    {
        var hevc = new EncodingPlan(StreamEncoding.Copied("hevc"), StreamEncoding.Copied("aac"));

        var args = FfmpegCommands.Segment("in.mkv", TimeSpan.FromSeconds(30), Plan, hevc, new VideoOptions(), "/w");

        Assert.Equal("copy", After(args, "-c:v"));
        Assert.Equal("hvc1", After(args, "-tag:v"));
    }

    [Fact]
    public void Segment_Reencode_ForcesKeyframesAtTheCuts()
    {
        var args = FfmpegCommands.Segment("in.mp4", TimeSpan.FromSeconds(30), Plan, EncodingPlans.Of(false, false, true), new VideoOptions(), "/w");

        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("10,20", After(args, "-force_key_frames"));
        Assert.Equal("aac", After(args, "-c:a"));
        Assert.Equal("/w/video-filters.txt", After(args, "-filter_script:v"));
        Assert.Equal("movflags=+faststart", After(args, "-segment_format_options"));
    }

    [Fact]
    public void Segment_NoAudio_MapsOnlyVideo()
    {
        var args = FfmpegCommands.Segment("in.mp4", TimeSpan.FromSeconds(30), Plan, EncodingPlans.Of(true, false, false), new VideoOptions(), "/w");

        Assert.DoesNotContain("0:a:0", args);
        Assert.DoesNotContain("-c:a", args);
    }

    [Fact]
    public void Segment_SingleSegment_NeverCuts()
    {
        var single = SegmentPlanner.Plan(TimeSpan.FromSeconds(5), CuttingOptions.Fixed(10));

        var args = FfmpegCommands.Segment("in.mp4", TimeSpan.FromSeconds(5), single, EncodingPlans.Of(true, true, true), new VideoOptions(), "/w");

        Assert.DoesNotContain("-segment_times", args);
        Assert.Equal("3605", After(args, "-segment_time"));
    }

    [Fact]
    public void Segment_UrlInput_ReconnectsOnNetworkErrors()
    {
        var args = FfmpegCommands.Segment("https://bucket.example/v.mp4?X-Amz-Signature=abc", TimeSpan.FromSeconds(30), Plan,
            EncodingPlans.Of(true, true, true), new VideoOptions(), "/w");

        Assert.True(args.ToList().IndexOf("-reconnect") < args.ToList().IndexOf("-i"));
    }

    [Fact]
    public void VideoFilters_PerSegment_EnablesEachTextOnlyInItsSegment()
    {
        var overlay = TextOverlay.PerSegment(["a", "", "c"]);

        var filters = FfmpegCommands.VideoFilters(Plan, overlay, "/fonts/f.ttf", i => $"/w/text-{i}.txt");

        Assert.Contains("textfile=/w/text-0.txt", filters, StringComparison.Ordinal);
        Assert.DoesNotContain("text-1.txt", filters, StringComparison.Ordinal);
        Assert.Contains("enable='gte(t,0)*lt(t,10)'", filters, StringComparison.Ordinal);
        Assert.Contains("enable='gte(t,20)*1'", filters, StringComparison.Ordinal);
        Assert.Contains("expansion=none", filters, StringComparison.Ordinal);
    }

    [Fact]
    public void VideoFilters_PathsWithSpecialCharacters_AreEscaped()
    {
        var filters = FfmpegCommands.VideoFilters(Plan, TextOverlay.ForAll("x"), "/fonts/it's:[odd].ttf", _ => "/w/t.txt");

        Assert.Contains(@"fontfile=/fonts/it\\\'s\\:\[odd\].ttf", filters, StringComparison.Ordinal);
    }

    [Fact]
    public void VideoFilters_NoText_OnlyEvensTheDimensions()
    {
        Assert.Equal("scale=trunc(iw/2)*2:trunc(ih/2)*2", FfmpegCommands.VideoFilters(Plan, TextOverlay.None, "/f.ttf", _ => ""));
    }
}
