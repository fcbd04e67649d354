using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>Burned-in text: visible where asked, absent elsewhere, literal whatever the characters, thumbnails that decode.</summary>
public sealed class VideoPipelineOverlayTests(TestVideos videos)
{
    private const int Width = 160;
    private const int Height = 90;

    [Fact]
    public async Task Overlay_TextAtBottom_ChangesTheBottomBandOnly()
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();
        var overlay = TextOverlay.ForAll("VIDEOASPIRE", new OverlayStyle { FontSize = 64, Position = OverlayPosition.Bottom });

        await harness.RunAsync(input, CuttingOptions.Fixed(10), OutputMode.Exact, overlay);

        var withText = await FfprobeReader.GreyFrameAsync(harness.Segments[1].File, 1, Width, Height);
        var without = await FfprobeReader.GreyFrameAsync(input, 11, Width, Height);
        Assert.True(MeanDifference(withText, without, fromRow: 60, toRow: 90) > 8, "the text band should differ");
        Assert.True(MeanDifference(withText, without, fromRow: 0, toRow: 40) < 4, "the top should not");
    }

    [Fact]
    public async Task Overlay_PerSegment_DrawsOnlyOnSegmentsWithText()
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();
        var overlay = TextOverlay.PerSegment(["FIRST", "", "THIRD"], new OverlayStyle { FontSize = 64, Position = OverlayPosition.Center, Background = OverlayBackground.Box });

        await harness.RunAsync(input, CuttingOptions.Fixed(10), OutputMode.Exact, overlay);

        double CenterDifference(int segment, byte[] reference) =>
            MeanDifference(FfprobeReader.GreyFrameAsync(harness.Segments[segment].File, 2, Width, Height).Result, reference, 35, 55);
        Assert.True(CenterDifference(0, await FfprobeReader.GreyFrameAsync(input, 2, Width, Height)) > 8);
        Assert.True(CenterDifference(1, await FfprobeReader.GreyFrameAsync(input, 12, Width, Height)) < 4);
        Assert.True(CenterDifference(2, await FfprobeReader.GreyFrameAsync(input, 22, Width, Height)) > 8);
    }

    [Theory]
    [InlineData("It's \"quoted\": 100% off; a,b [x] {y} =z")]
    [InlineData("C:\\path\\to\\file \\n not a newline")]
    [InlineData("%{pts} %{localtime} stays literal")]
    [InlineData("Two\nlines")]
    [InlineData("Привет, мир — Καλημέρα — שלום")]
    public async Task Overlay_TrickyText_RendersWithoutBreakingTheFiltergraph(string text)
    {
        using var harness = new PipelineHarness();
        var input = await videos.H264Gop2Async();

        await harness.RunAsync(input, CuttingOptions.Fixed(15), OutputMode.Exact,
            TextOverlay.ForAll(text, new OverlayStyle { FontSize = 24, Position = OverlayPosition.Center }));

        Assert.Equal(2, harness.Segments.Count);
        var withText = await FfprobeReader.GreyFrameAsync(harness.Segments[0].File, 1, Width, Height);
        var without = await FfprobeReader.GreyFrameAsync(input, 1, Width, Height);
        Assert.True(MeanDifference(withText, without, 30, 60) > 2, "the text should be drawn");
    }

    [Theory]
    [InlineData("Launch 🚀", "U+1F680")]
    [InlineData("中文字幕", "U+4E2D")]
    public async Task Overlay_CharactersTheFontLacks_FailClearlyBeforeAnyWork(string text, string codePoint)
    {
        using var harness = new PipelineHarness();

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            harness.RunAsync(videos.H264Gop2Async().Result, CuttingOptions.Fixed(10), OutputMode.Exact, TextOverlay.ForAll(text)));

        Assert.Equal(MediaErrorCode.UnsupportedText, error.Code);
        Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Segments);
    }

    [Fact]
    public async Task Thumbnails_AreJpegsFromTheMiddleOfEachSegment()
    {
        using var harness = new PipelineHarness();

        await harness.RunAsync(await videos.H264Gop2Async(), CuttingOptions.Fixed(10), thumbnails: true);

        Assert.Equal(3, harness.Segments.Count);
        foreach (var segment in harness.Segments)
        {
            var probe = await FfprobeReader.ProbeAsync(segment.Thumbnail!);
            var stream = probe.GetProperty("streams")[0];
            Assert.Equal("mjpeg", stream.GetProperty("codec_name").GetString());
            Assert.Equal(harness.Options.ThumbnailWidth, stream.GetProperty("width").GetInt32());
            await FfprobeReader.DecodesCleanlyAsync(segment.Thumbnail!);
        }
    }

    private static double MeanDifference(byte[] a, byte[] b, int fromRow, int toRow)
    {
        long sum = 0;
        for (var i = fromRow * Width; i < toRow * Width; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (double)sum / ((toRow - fromRow) * Width);
    }
}
