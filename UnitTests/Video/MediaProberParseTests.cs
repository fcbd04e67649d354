using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

public sealed class MediaProberParseTests
{
    private const string Phone = """
        {"streams":[
          {"codec_type":"video","codec_name":"h264","width":1920,"height":1080,"r_frame_rate":"30/1","avg_frame_rate":"2450/100",
           "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]},
          {"codec_type":"audio","codec_name":"aac","sample_rate":"48000","channels":2}],
         "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.500000"}}
        """;

    [Fact]
    public void Parse_PhoneVideo_ReadsRotationVariableRateAndAudio()
    {
        var media = MediaProber.Parse(Phone, 1234);

        Assert.Equal(TimeSpan.FromSeconds(12.5), media.Duration);
        Assert.Equal(-90, media.Video.Rotation);
        Assert.True(media.Video.VariableFrameRate);
        Assert.Equal(24.5, media.Video.FramesPerSecond, 2);
        Assert.Equal(("aac", 48000, 2), (media.Audio!.Codec, media.Audio.SampleRate, media.Audio.Channels));
    }

    [Fact]
    public void Parse_AudioOnly_SaysThereIsNoVideoStream()
    {
        const string json = """{"streams":[{"codec_type":"audio","codec_name":"aac"}],"format":{"duration":"5.0"}}""";

        var error = Assert.Throws<MediaException>(() => MediaProber.Parse(json, null));

        Assert.Equal(MediaErrorCode.NoVideoStream, error.Code);
        Assert.Equal("The input has no video stream (it is audio only).", error.Message);
    }

    [Fact]
    public void Parse_CoverArtOnly_IsNotAVideoStream()
    {
        const string json = """
            {"streams":[{"codec_type":"audio","codec_name":"mp3"},
                        {"codec_type":"video","codec_name":"mjpeg","disposition":{"attached_pic":1}}],
             "format":{"duration":"180.0"}}
            """;

        Assert.Equal(MediaErrorCode.NoVideoStream, Assert.Throws<MediaException>(() => MediaProber.Parse(json, null)).Code);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/b/k?X-Amz-Signature=ab404cd: Invalid data found when processing input", MediaErrorCode.UnreadableInput)]
    [InlineData("http://127.0.0.1:9/b/k?X-Amz-Signature=abcd: Server returned 404 Not Found", MediaErrorCode.InputNotFound)]
    [InlineData("/tmp/in.mp4: No such file or directory", MediaErrorCode.InputNotFound)]
    public void Unreadable_ClassifiesByTheMessageNotTheInputName(string stderr, MediaErrorCode code)
    {
        var error = MediaProber.Unreadable(new VideoAspire.Core.Processes.ProcessFailedException("ffprobe", 1, stderr));

        Assert.Equal(code, error.Code);
        Assert.DoesNotContain("X-Amz-Signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StillImage_HasNoDuration()
    {
        const string json = """{"streams":[{"codec_type":"video","codec_name":"png","width":10,"height":10}],"format":{"format_name":"png_pipe"}}""";

        Assert.Equal(MediaErrorCode.UnreadableInput, Assert.Throws<MediaException>(() => MediaProber.Parse(json, null)).Code);
    }
}
