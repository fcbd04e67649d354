using System.Text.Json;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>
/// The codecs option on an iPhone-like input (HEVC Main 10 in .mov, rotated 90°): keep copies HEVC into playable 'hvc1'
/// segments with the rotation kept; h264 (the default) re-encodes to upright H.264 as before.
/// </summary>
public sealed class VideoPipelineCodecsTests(TestVideos videos)
{
    [Fact]
    public async Task Keep_IphoneHevc_SegmentsAreHvc1PlayableAsPlannedAndKeepTheRotation()
    {
        using var harness = new PipelineHarness();

        var result = await harness.RunAsync(await videos.IphoneHevcAsync(), CuttingOptions.Fixed(2), codecs: SegmentCodecs.Keep);

        Assert.Equal(("copied", "copied"), (result.Encoding.Video.Decision, result.Encoding.Audio!.Decision));
        Assert.Equal(90, Math.Abs(result.Media.Video.Rotation));
        Assert.Equal(result.Plan.Count, harness.Segments.Count);
        foreach (var (segment, planned) in harness.Segments.Zip(result.Plan))
        {
            var video = Stream(await FfprobeReader.ProbeAsync(segment.File), "video");
            Assert.Equal(("hevc", "hvc1", "Main 10"), (Text(video, "codec_name"), Text(video, "codec_tag_string"), Text(video, "profile")));
            Assert.Equal(result.Media.Video.Rotation, Rotation(video));
            Assert.Equal((640, 360), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
            Assert.Equal(planned.Duration.TotalSeconds, await FfprobeReader.VideoDurationAsync(segment.File), 0.1); // keyframes every 1 s
            await FfprobeReader.DecodesCleanlyAsync(segment.File);
        }
    }

    [Fact]
    public async Task Keep_HevcFromMatroska_IsTaggedHvc1ForSafari()
    {
        using var harness = new PipelineHarness();

        await harness.RunAsync(await videos.MatroskaHevcAsync(), CuttingOptions.Fixed(3), codecs: SegmentCodecs.Keep);

        foreach (var segment in harness.Segments)
        {
            var video = Stream(await FfprobeReader.ProbeAsync(segment.File), "video");
            Assert.Equal(("hevc", "hvc1"), (Text(video, "codec_name"), Text(video, "codec_tag_string")));
        }
    }

    [Fact]
    public async Task H264_IphoneHevc_IsReencodedToUprightH264AsBefore()
    {
        using var harness = new PipelineHarness();

        var result = await harness.RunAsync(await videos.IphoneHevcAsync(), CuttingOptions.Fixed(2));

        Assert.Equal("re-encoded: hevc is not h264 and codecs=h264", result.Encoding.Video.Decision);
        Assert.Equal(result.Plan.Count, harness.Segments.Count);
        foreach (var segment in harness.Segments)
        {
            var probe = await FfprobeReader.ProbeAsync(segment.File);
            var video = Stream(probe, "video");
            Assert.Equal(("h264", 0), (Text(video, "codec_name"), Rotation(video)));
            Assert.Equal((360, 640), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
            Assert.Equal("aac", Text(Stream(probe, "audio"), "codec_name"));
            await FfprobeReader.DecodesCleanlyAsync(segment.File);
        }
    }

    private static JsonElement Stream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == type);

    private static string? Text(JsonElement stream, string name) => stream.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The display matrix's rotation as ffprobe reports it in the stream's side data (0 when there is none).</summary>
    private static int Rotation(JsonElement video) =>
        video.TryGetProperty("side_data_list", out var sideData)
            ? sideData.EnumerateArray().Where(d => d.TryGetProperty("rotation", out _)).Select(d => d.GetProperty("rotation").GetInt32()).FirstOrDefault()
            : 0;
}
