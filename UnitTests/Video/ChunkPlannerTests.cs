using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class ChunkPlannerTests
{
    private static IReadOnlyList<SegmentPlan> Fixed(double inputSeconds, double segmentSeconds) =>
        SegmentPlanner.Plan(TimeSpan.FromSeconds(inputSeconds), CuttingOptions.Fixed(segmentSeconds));

    private static IEnumerable<int[]> Indexes(IReadOnlyList<ChunkPlan> chunks) => chunks.Select(c => c.Segments.Select(s => s.Index).ToArray());

    [Fact]
    public void Split_SegmentsFillingTheBudgetExactly_EndAChunkThere()
    {
        var chunks = ChunkPlanner.Split(Fixed(60, 10), TimeSpan.FromSeconds(30));

        Assert.Equal([[0, 1, 2], [3, 4, 5]], Indexes(chunks));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(30)], chunks.Select(c => c.Start));
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], chunks.Select(c => c.End));
    }

    [Fact]
    public void Split_BudgetBetweenSegmentBoundaries_KeepsSegmentsWholeAndUnderTheBudget()
    {
        var chunks = ChunkPlanner.Split(Fixed(60, 10), TimeSpan.FromSeconds(25));

        Assert.Equal([[0, 1], [2, 3], [4, 5]], Indexes(chunks));
        Assert.All(chunks, c => Assert.True(c.Duration <= TimeSpan.FromSeconds(25)));
    }

    [Fact]
    public void Split_SegmentLongerThanTheBudget_IsAChunkOfItsOwn()
    {
        var plan = Fixed(95, 40); // 40, 40, 15

        var chunks = ChunkPlanner.Split(plan, TimeSpan.FromSeconds(30));

        Assert.Equal([[0], [1], [2]], Indexes(chunks));
        Assert.Equal(TimeSpan.FromSeconds(40), chunks[0].Duration);
    }

    [Fact]
    public void Split_BudgetLongerThanTheInput_GivesOneChunkLikeTheWholePlan()
    {
        var plan = Fixed(30, 10);

        var chunk = Assert.Single(ChunkPlanner.Split(plan, TimeSpan.FromHours(1)));

        Assert.Equal(plan, chunk.Segments);
        Assert.Equal(ChunkPlanner.Whole(plan).Segments, chunk.Segments);
        Assert.True(chunk.IsLast);
    }

    [Fact]
    public void Split_Chunks_AreNumberedInOrderAndOnlyTheLastIsLast()
    {
        var chunks = ChunkPlanner.Split(Fixed(100, 10), TimeSpan.FromSeconds(20));

        Assert.Equal(Enumerable.Range(0, 5), chunks.Select(c => c.Index));
        Assert.Equal([false, false, false, false, true], chunks.Select(c => c.IsLast));
    }

    [Theory]
    [InlineData(1, 97.3, 7)]
    [InlineData(2, 600, 30)]
    [InlineData(3, 3599.9, 61)]
    public void Split_SeededRandomPlan_GivesTheSameSegmentsChunkedOrNot(int seed, double inputSeconds, double budgetSeconds)
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(inputSeconds), CuttingOptions.Random(2, 20, seed) with { MaxSegments = 1000 });

        var chunks = ChunkPlanner.Split(plan, TimeSpan.FromSeconds(budgetSeconds));

        Assert.Equal(plan, chunks.SelectMany(c => c.Segments));
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(chunks, c => Assert.True(c.Segments.Count == 1 || c.Duration <= TimeSpan.FromSeconds(budgetSeconds)));
    }

    [Fact]
    public void Split_NoBudget_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlanner.Split(Fixed(30, 10), TimeSpan.Zero));
    }
}
