using VideoAspire.Core.Processes;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

public sealed class InputAllowlistTests
{
    [Theory]
    [InlineData("/work/job/input.mp4", "file")]
    [InlineData("https://bucket.s3.amazonaws.com/uploads/a/b/source?X-Amz-Signature=1", "http,https,tcp,tls")]
    public void InputOptions_NameOnlyTheProtocolsTheInputNeeds_AndTheAcceptedDemuxers(string input, string protocols)
    {
        var options = InputAllowlist.InputOptions(input);

        Assert.Equal(["-protocol_whitelist", protocols, "-format_whitelist", InputAllowlist.Demuxers], options);
        Assert.DoesNotContain("hls", InputAllowlist.Demuxers.Split(','));
        Assert.DoesNotContain("concat", InputAllowlist.Demuxers.Split(','));
    }

    [Fact]
    public void SegmentAndThumbnailCommands_PutTheAllowlistsBeforeTheirInput()
    {
        var thumbnail = FfmpegCommands.Thumbnail("/w/segment-0000.mp4", TimeSpan.FromSeconds(1), 320, "/w/t.jpg").ToList();

        var input = thumbnail.IndexOf("-i");
        Assert.True(thumbnail.IndexOf("-format_whitelist") is var f && f >= 0 && f < input);
        Assert.True(thumbnail.IndexOf("-protocol_whitelist") is var p && p >= 0 && p < input);
    }

    [Theory]
    [InlineData("[hls @ 0x55f04f656940] Format not on whitelist 'mov,mp4'\nx.mp4: Invalid argument", "an HLS playlist (M3U8)")]
    [InlineData("[dash @ 0x1] Format not on whitelist 'mov'\n", "a DASH manifest (MPD)")]
    [InlineData("[concat @ 0x1] Format not on whitelist 'mov'\n", "an ffconcat/concat script")]
    [InlineData("[image2 @ 0x1] Format not on whitelist 'mov'\n", "an image or image sequence")]
    [InlineData("[png_pipe @ 0x1] Format not on whitelist 'mov'\n", "an image or image sequence")]
    [InlineData("[flv @ 0x1] Format not on whitelist 'mov'\n", "a 'flv' file")]
    public void Refusal_NamesWhatTheFileIs(string stderr, string described)
    {
        var refusal = InputAllowlist.Refusal(new ProcessFailedException("ffprobe", 1, stderr));

        Assert.NotNull(refusal);
        Assert.Equal(MediaErrorCode.UnsupportedContainer, refusal.Code);
        Assert.StartsWith($"The file is {described},", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_ProtocolNotOnWhitelist_IsUnsupportedContainerToo()
    {
        var refusal = InputAllowlist.Refusal(new ProcessFailedException("ffmpeg", 1, "Protocol 'file' not on whitelist 'http,https,tcp,tls'!\n"));

        Assert.Equal(MediaErrorCode.UnsupportedContainer, refusal?.Code);
        Assert.Contains("'file'", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_OtherFailures_AreNotRefusals()
    {
        Assert.Null(InputAllowlist.Refusal(new ProcessFailedException("ffprobe", 1, "x.mp4: Invalid data found when processing input\n")));
    }
}
