using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class SegmentPlannerTests
{
    private static IEnumerable<double> Starts(IReadOnlyList<SegmentPlan> plan) => plan.Select(p => p.Start.TotalSeconds);

    private static IEnumerable<double> Lengths(IReadOnlyList<SegmentPlan> plan) => plan.Select(p => p.Duration.TotalSeconds);

    [Fact]
    public void Plan_FixedLengthDividingEvenly_GivesEqualSegments()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(30), CuttingOptions.Fixed(10));

        Assert.Equal([0, 10, 20], Starts(plan));
        Assert.Equal([10, 10, 10], Lengths(plan));
        Assert.Equal([0, 1, 2], plan.Select(p => p.Index));
    }

    [Fact]
    public void Plan_ShortLastPiece_IsMergedIntoThePreviousSegment()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(31), CuttingOptions.Fixed(10));

        Assert.Equal([10, 10, 11], Lengths(plan));
    }

    [Fact]
    public void Plan_LastPieceAtLeastTheMinimum_IsKept()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(32.5), CuttingOptions.Fixed(10) with { MinLastSegmentSeconds = 2 });

        Assert.Equal([10, 10, 10, 2.5], Lengths(plan));
    }

    [Fact]
    public void Plan_InputShorterThanOneSegment_GivesOneSegment()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(4.2), CuttingOptions.Fixed(10));

        var only = Assert.Single(plan);
        Assert.Equal(TimeSpan.FromSeconds(4.2), only.Duration);
    }

    [Fact]
    public void Plan_RandomWithSeed_IsReproducibleAndWithinRange()
    {
        var options = CuttingOptions.Random(3, 9, seed: 42);

        var first = SegmentPlanner.Plan(TimeSpan.FromSeconds(120), options);
        var again = SegmentPlanner.Plan(TimeSpan.FromSeconds(120), options);
        var otherSeed = SegmentPlanner.Plan(TimeSpan.FromSeconds(120), options with { Seed = 43 });

        Assert.Equal(first, again);
        Assert.NotEqual(Lengths(first), Lengths(otherSeed));
        Assert.All(first.SkipLast(1), p => Assert.InRange(p.Duration.TotalSeconds, 3, 9));
        Assert.Equal(120, Lengths(first).Sum(), 6);
    }

    [Fact]
    public void Plan_Segments_AreContiguousAndCoverTheInput()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(97.3), CuttingOptions.Random(2, 7, seed: 7));

        Assert.Equal(TimeSpan.Zero, plan[0].Start);
        Assert.All(plan.Zip(plan.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(TimeSpan.FromSeconds(97.3), plan[^1].End);
    }

    [Fact]
    public void Plan_MoreSegmentsThanAllowed_IsRefusedWithTheLimit()
    {
        var options = CuttingOptions.Fixed(1) with { MaxSegments = 50 };

        var error = Assert.Throws<SegmentPlanException>(() => SegmentPlanner.Plan(TimeSpan.FromHours(2), options));

        Assert.Contains("50 segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExactlyTheMaximum_IsAccepted()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(50), CuttingOptions.Fixed(1) with { MaxSegments = 50, MinLastSegmentSeconds = 1 });

        Assert.Equal(50, plan.Count);
    }

    [Fact]
    public void CutPoints_AreTheStartsAfterTheFirst()
    {
        var plan = SegmentPlanner.Plan(TimeSpan.FromSeconds(30), CuttingOptions.Fixed(10));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], SegmentPlanner.CutPoints(plan));
    }

    [Theory]
    [InlineData(0, nameof(CuttingOptions.SegmentSeconds))]
    [InlineData(-5, nameof(CuttingOptions.SegmentSeconds))]
    [InlineData(double.NaN, nameof(CuttingOptions.SegmentSeconds))]
    [InlineData(4000, nameof(CuttingOptions.SegmentSeconds))]
    public void Validate_FixedLengthOutOfRange_NamesTheField(double seconds, string field)
    {
        var errors = CuttingOptions.Fixed(seconds).Validate();

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Validate_RandomMinAboveMax_IsAnError()
    {
        var errors = CuttingOptions.Random(10, 5, seed: 1).Validate();

        Assert.Equal([nameof(CuttingOptions.MaxSeconds)], errors.Keys);
    }

    [Fact]
    public void Validate_TooManySegmentsAllowed_IsAnError()
    {
        var errors = (CuttingOptions.Fixed(10) with { MaxSegments = CuttingOptions.MaximumSegmentLimit + 1 }).Validate();

        Assert.Contains(nameof(CuttingOptions.MaxSegments), errors.Keys);
    }

    [Fact]
    public void Plan_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => SegmentPlanner.Plan(TimeSpan.FromSeconds(10), CuttingOptions.Fixed(0)));
    }
}
