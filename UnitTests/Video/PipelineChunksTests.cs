using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class PipelineChunksTests
{
    private static readonly IReadOnlyList<SegmentPlan> Plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(60), CuttingOptions.Fixed(10));

    [Fact]
    public void For_CopyJob_IsOnePassWhateverTheBudget()
    {
        var copy = PipelineChunks.For(Plan, EncodingPlans.Of(true, true, true), TimeSpan.FromSeconds(20));
        var exact = PipelineChunks.For(Plan, EncodingPlans.Of(false, false, true), TimeSpan.FromSeconds(20));

        Assert.Equal(Plan, Assert.Single(copy).Segments);
        Assert.Equal(3, exact.Count);
    }

    [Fact]
    public void Pick_ChunkTheJobDoesNotHave_IsRefused()
    {
        var chunks = ChunkPlanner.Split(Plan, TimeSpan.FromSeconds(20));

        Assert.Throws<InvalidOperationException>(() => PipelineChunks.Pick(chunks, new ChunkRequest(3, TimeSpan.FromSeconds(20))));
        Assert.Throws<InvalidOperationException>(() => PipelineChunks.Pick(chunks, null));
        Assert.Equal(2, PipelineChunks.Pick(chunks, new ChunkRequest(2, TimeSpan.FromSeconds(20))).Index);
    }
}
