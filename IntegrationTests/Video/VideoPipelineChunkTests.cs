using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>
/// A job cut chunk by chunk (each run seeking to its chunk's first cut) gives the segments the single pass gives:
/// same indexes, starts, lengths and pictures, and each segment's overlay on that segment.
/// </summary>
public sealed class VideoPipelineChunkTests(TestVideos videos)
{
    private const double OneFrame = 1.0 / 30;
    private const int Width = 160;
    private const int Height = 90;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExactMode_EveryChunk_ProducesTheSinglePassSegments()
    {
        var input = await videos.H264Gop2Async();
        var cutting = CuttingOptions.Random(3, 9, seed: 42);
        using var single = new PipelineHarness();
        using var chunked = new PipelineHarness();

        await single.RunAsync(input, cutting, OutputMode.Exact);
        var results = new List<PipelineResult> { await chunked.RunAsync(input, cutting, OutputMode.Exact, chunk: new ChunkRequest(0, Budget)) };
        while (results.Count < results[0].ChunkCount)
        {
            results.Add(await chunked.RunAsync(input, cutting, OutputMode.Exact, chunk: new ChunkRequest(results.Count, Budget)));
        }

        Assert.True(results.Count > 2, $"the test needs several chunks; it got {results.Count}");
        Assert.Equal(results.Select(r => r.Chunk.Index), Enumerable.Range(0, results.Count));
        Assert.Equal(single.Segments.Select(s => s.Segment.Index), chunked.Segments.Select(s => s.Segment.Index));
        foreach (var (whole, part) in single.Segments.Zip(chunked.Segments))
        {
            Assert.Equal(whole.Segment.Start.TotalSeconds, part.Segment.Start.TotalSeconds, OneFrame);
            Assert.InRange(await FfprobeReader.VideoFrameCountAsync(part.File),
                await FfprobeReader.VideoFrameCountAsync(whole.File) - 1, await FfprobeReader.VideoFrameCountAsync(whole.File) + 1);
            Assert.True(await FfprobeReader.FirstFrameIsKeyframeAsync(part.File));
            await FfprobeReader.DecodesCleanlyAsync(part.File);

            // The same picture where each segment starts: the chunk sought to the right frame, not just cut the right lengths.
            var difference = MeanDifference(await FirstFrameAsync(whole.File), await FirstFrameAsync(part.File), 0, Height);
            Assert.True(difference < 1, $"segment {part.Segment.Index} starts on another picture (mean difference {difference:0.0})");
        }
    }

    [Fact]
    public async Task Overlay_PerSegment_LandsOnItsSegmentAcrossAChunkBoundary()
    {
        var input = await videos.H264Gop2Async();
        var overlay = TextOverlay.PerSegment(["", "SECOND", "", "FOURTH"], Style);
        using var harness = new PipelineHarness();

        // Fixed(5) on 30 s with 10 s chunks: segments 0-1 in chunk 0, 2-3 in chunk 1. Chunk 1 is cut alone.
        var result = await harness.RunAsync(input, CuttingOptions.Fixed(5), OutputMode.Exact, overlay, chunk: new ChunkRequest(1, Budget));

        Assert.Equal([2, 3], result.Chunk.Segments.Select(s => s.Index));
        Assert.True(await CenterDifferenceAsync(input, harness.Segments[0].File, inputSeconds: 12.5) < 4, "segment 2 has no text");
        Assert.True(await CenterDifferenceAsync(input, harness.Segments[1].File, inputSeconds: 17.5) > 8, "segment 3 has its text");
    }

    [Fact]
    public async Task Overlay_OneTextForAll_IsDrawnInAChunkWithoutTheFirstSegment()
    {
        var input = await videos.H264Gop2Async();
        using var harness = new PipelineHarness();

        var result = await harness.RunAsync(input, CuttingOptions.Fixed(10), OutputMode.Exact, TextOverlay.ForAll("EVERYWHERE", Style),
            chunk: new ChunkRequest(2, Budget));

        Assert.Equal([2], result.Chunk.Segments.Select(s => s.Index));
        Assert.True(await CenterDifferenceAsync(input, Assert.Single(harness.Segments).File, inputSeconds: 25) > 8);
    }

    [Fact]
    public async Task CopyMode_AskedForChunks_IsCutInOnePass()
    {
        var input = await videos.H264Gop2Async();
        using var harness = new PipelineHarness();

        var result = await harness.RunAsync(input, CuttingOptions.Fixed(5), OutputMode.Copy, chunk: new ChunkRequest(0, Budget));

        Assert.Equal(1, result.ChunkCount);
        Assert.Equal(6, harness.Segments.Count);
    }

    private static OverlayStyle Style => new() { FontSize = 64, Position = OverlayPosition.Center, Background = OverlayBackground.Box };

    private static Task<byte[]> FirstFrameAsync(string file) => FfprobeReader.GreyFrameAsync(file, 0, Width, Height);

    /// <summary>How much the middle band of a segment (2.5 s in) differs from the input at the same instant.</summary>
    private static async Task<double> CenterDifferenceAsync(string input, string segment, double inputSeconds) =>
        MeanDifference(await FfprobeReader.GreyFrameAsync(segment, 2.5, Width, Height),
            await FfprobeReader.GreyFrameAsync(input, inputSeconds, Width, Height), 35, 55);

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
