using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

/// <summary>The decision table of <see cref="EncodingPlan"/>: codec x output mode x overlay x codecs option -> copy or re-encode, and why.</summary>
public sealed class EncodingPlanTests
{
    private const string Copied = "copied";

    public static TheoryData<string, string, OutputMode, bool, SegmentCodecs, string, string> Table => new()
    {
        // video, audio, mode, overlay, codecs -> video decision, audio decision
        // codecs=h264 (the default): what plays everywhere is copied, anything else re-encoded (today's behaviour).
        { "h264", "aac", OutputMode.Copy, false, SegmentCodecs.H264, Copied, Copied },
        { "h264", "mp3", OutputMode.Copy, false, SegmentCodecs.H264, Copied, Copied },
        { "h264", "opus", OutputMode.Copy, false, SegmentCodecs.H264, Copied, "re-encoded: opus is not aac or mp3 and codecs=h264" },
        { "h264", "pcm_s16le", OutputMode.Copy, false, SegmentCodecs.H264, Copied, "re-encoded: pcm_s16le is not aac or mp3 and codecs=h264" },
        { "hevc", "aac", OutputMode.Copy, false, SegmentCodecs.H264, "re-encoded: hevc is not h264 and codecs=h264", "re-encoded: the video is re-encoded" },
        { "vp9", "opus", OutputMode.Copy, false, SegmentCodecs.H264, "re-encoded: vp9 is not h264 and codecs=h264", "re-encoded: the video is re-encoded" },

        // codecs=keep: what MP4 carries is copied.
        { "hevc", "aac", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "av1", "opus", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "vp9", "opus", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "h264", "alac", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "hevc", "ac3", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "hevc", "eac3", OutputMode.Copy, false, SegmentCodecs.Keep, Copied, Copied },
        { "hevc", "pcm_s16le", OutputMode.Copy, false, SegmentCodecs.Keep, Copied,
            "re-encoded: MP4 segments cannot keep pcm_s16le (only aac, mp3, opus, alac, ac3, eac3)" },
        { "hevc", "flac", OutputMode.Copy, false, SegmentCodecs.Keep, Copied,
            "re-encoded: MP4 segments cannot keep flac (only aac, mp3, opus, alac, ac3, eac3)" },
        { "mpeg4", "aac", OutputMode.Copy, false, SegmentCodecs.Keep,
            "re-encoded: MP4 segments cannot keep mpeg4 (only h264, hevc, av1, vp9)", "re-encoded: the video is re-encoded" },

        // Exact cuts and overlays re-encode whatever the option says.
        { "h264", "aac", OutputMode.Exact, false, SegmentCodecs.H264, "re-encoded: exact cuts", "re-encoded: the video is re-encoded" },
        { "hevc", "aac", OutputMode.Exact, false, SegmentCodecs.Keep, "re-encoded: exact cuts", "re-encoded: the video is re-encoded" },
        { "h264", "aac", OutputMode.Copy, true, SegmentCodecs.H264, "re-encoded: text overlay", "re-encoded: the video is re-encoded" },
        { "hevc", "aac", OutputMode.Copy, true, SegmentCodecs.Keep, "re-encoded: text overlay", "re-encoded: the video is re-encoded" },
        { "hevc", "aac", OutputMode.Exact, true, SegmentCodecs.Keep, "re-encoded: exact cuts and text overlay", "re-encoded: the video is re-encoded" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_CodecModeOverlayAndOption_CopiesOrReencodesEachStreamForAReason(
        string video, string audio, OutputMode mode, bool overlay, SegmentCodecs codecs, string videoDecision, string audioDecision)
    {
        var plan = EncodingPlan.Decide(Media(video, audio), mode, overlay, codecs);

        Assert.Equal((videoDecision, audioDecision), (plan.Video.Decision, plan.Audio!.Decision));
        Assert.Equal((videoDecision == Copied, audioDecision == Copied), (plan.CopyVideo, plan.CopyAudio));
        Assert.Equal(plan.CopyVideo ? video : "h264", plan.Video.OutputCodec);
        Assert.Equal(plan.CopyAudio ? audio : "aac", plan.Audio.OutputCodec);
        Assert.Equal((video, audio), (plan.Video.InputCodec, plan.Audio.InputCodec));
    }

    [Fact]
    public void Decide_NoAudio_HasNoAudio()
    {
        var plan = EncodingPlan.Decide(Media("h264", null), OutputMode.Copy, false, SegmentCodecs.H264);

        Assert.False(plan.HasAudio);
        Assert.Null(plan.Audio);
    }

    [Theory]
    [InlineData("hevc", SegmentCodecs.Keep, OutputMode.Copy, "hvc1")]
    [InlineData("hevc", SegmentCodecs.H264, OutputMode.Copy, null)]
    [InlineData("hevc", SegmentCodecs.Keep, OutputMode.Exact, null)]
    [InlineData("h264", SegmentCodecs.Keep, OutputMode.Copy, null)]
    [InlineData("av1", SegmentCodecs.Keep, OutputMode.Copy, null)]
    public void VideoTag_CopiedHevc_IsHvc1ForSafari(string video, SegmentCodecs codecs, OutputMode mode, string? tag)
    {
        var plan = EncodingPlan.Decide(Media(video, "aac"), mode, false, codecs);

        Assert.Equal(tag, plan.VideoTag);
    }

    private static MediaInfo Media(string video, string? audio) => new(
        "mov,mp4", TimeSpan.FromSeconds(30), new VideoStreamInfo(video, 640, 360, 30, 0, false),
        audio is null ? null : new AudioStreamInfo(audio, 48000, 2), 1000);
}
