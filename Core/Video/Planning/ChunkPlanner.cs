namespace VideoAspire.Core.Video.Planning;

/// <summary>
/// Groups a segment plan into chunks of whole consecutive segments, each covering at most a budget of input time, so
/// each chunk fits one Processor invocation. A segment longer than the budget is a chunk of its own (segments are
/// never split: a chunked job must cut exactly where the single pass would). Pure and deterministic.
/// </summary>
public static class ChunkPlanner
{
    public static IReadOnlyList<ChunkPlan> Split(IReadOnlyList<SegmentPlan> plan, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        if (plan.Count == 0)
        {
            throw new ArgumentException("A plan has at least one segment.", nameof(plan));
        }

        var groups = new List<List<SegmentPlan>> { new() };
        foreach (var segment in plan)
        {
            var current = groups[^1];
            if (current.Count > 0 && segment.End - current[0].Start > budget)
            {
                groups.Add([segment]);
            }
            else
            {
                current.Add(segment);
            }
        }

        return [.. groups.Select((segments, i) => new ChunkPlan(i, segments, IsLast: i == groups.Count - 1))];
    }

    /// <summary>The whole plan as one chunk: the single pass.</summary>
    public static ChunkPlan Whole(IReadOnlyList<SegmentPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ChunkPlan(0, plan, IsLast: true);
    }
}
