using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class InputRangeTests
{
    // 60 s in 10 s segments, 20 s chunks: [0, 20), [20, 40), [40, 60).
    private static readonly IReadOnlyList<ChunkPlan> Chunks =
        ChunkPlanner.Split(SegmentPlanner.Plan(TimeSpan.FromSeconds(60), CuttingOptions.Fixed(10)), TimeSpan.FromSeconds(20));

    private static string After(IReadOnlyList<string> args, string option) => args[args.ToList().IndexOf(option) + 1];

    [Fact]
    public void WholePlan_ReadsEverythingWithNoOption()
    {
        var range = new InputRange(ChunkPlanner.Whole(SegmentPlanner.Plan(TimeSpan.FromSeconds(60), CuttingOptions.Fixed(10))), 30);

        Assert.Empty(range.InputOptions());
        Assert.Empty(range.SegmentOptions());
        Assert.Equal([10, 20, 30, 40, 50], range.Cuts.Select(c => c.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(60), range.ReadLength);
    }

    [Fact]
    public void MiddleChunk_ReadsAMarginEachSideOnTheInputsTimeline()
    {
        var range = new InputRange(Chunks[1], 30);

        var options = range.InputOptions();

        Assert.Equal(["-copyts", "-start_at_zero", "-ss", "19", "-t", "22"], options);
        Assert.Equal([20, 30, 40], range.Cuts.Select(c => c.TotalSeconds));
        Assert.Equal(["-segment_time_delta", "0.016667"], range.SegmentOptions());
    }

    [Fact]
    public void FirstChunk_HasNoLeadIn_AndLastChunk_ReadsToTheEnd()
    {
        var first = new InputRange(Chunks[0], 30);
        var last = new InputRange(Chunks[2], 30);

        Assert.Equal(["-copyts", "-start_at_zero", "-t", "21"], first.InputOptions());
        Assert.Equal([10, 20], first.Cuts.Select(c => c.TotalSeconds));
        Assert.Equal(["-copyts", "-start_at_zero", "-ss", "39"], last.InputOptions());
        Assert.Equal([40, 50], last.Cuts.Select(c => c.TotalSeconds));
    }

    [Theory]
    [InlineData(0, 19.97, false)] // the lead-in, ending on the frame ffmpeg rounded 20 s to
    [InlineData(19.97, 30, true)]
    [InlineData(30, 40.03, true)]
    [InlineData(40.03, 41, false)] // the tail
    public void Keeps_OnlySegmentsWhoseMiddleIsInTheChunk(double start, double end, bool kept)
    {
        var range = new InputRange(Chunks[1], 30);

        Assert.Equal(kept, range.Keeps(new SegmentListEntry("s.mp4", TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end))));
    }

    [Fact]
    public void Segment_WithARange_SeeksBeforeTheInputAndCutsAtTheChunksEdges()
    {
        var range = new InputRange(Chunks[1], 25);

        var args = FfmpegCommands.Segment("in.mp4", range.ReadLength, Chunks[1].Segments, EncodingPlans.Of(false, false, true), new VideoOptions(), "/w", range);

        Assert.True(args.ToList().IndexOf("-ss") < args.ToList().IndexOf("-i"));
        Assert.Equal("20,30,40", After(args, "-force_key_frames"));
        Assert.Equal("20,30,40", After(args, "-segment_times"));
        Assert.Equal("0.02", After(args, "-segment_time_delta"));
    }
}
