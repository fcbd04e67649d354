namespace VideoAspire.Core.Video.Planning;

/// <summary>Turns an input duration and <see cref="CuttingOptions"/> into segment boundaries. Pure and deterministic.</summary>
public static class SegmentPlanner
{
    public static IReadOnlyList<SegmentPlan> Plan(TimeSpan duration, CuttingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(
                "Invalid cutting options: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
                nameof(options));
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new SegmentPlanException("The input has no duration to cut.");
        }

        var lengths = NextLength(options);
        var cuts = new List<(TimeSpan Start, TimeSpan Length)>();
        var start = TimeSpan.Zero;
        while (start < duration)
        {
            var length = Min(lengths(cuts.Count), duration - start);
            cuts.Add((start, length));
            start += length;
            if (cuts.Count > options.MaxSegments + 1)
            {
                break; // certainly too many, even after merging the last piece
            }
        }

        if (cuts.Count > 1 && cuts[^1].Length < TimeSpan.FromSeconds(options.MinLastSegmentSeconds))
        {
            var last = cuts[^1];
            cuts.RemoveAt(cuts.Count - 1);
            cuts[^1] = (cuts[^1].Start, cuts[^1].Length + last.Length);
        }

        if (cuts.Count > options.MaxSegments)
        {
            throw new SegmentPlanException(
                $"Cutting {duration.TotalSeconds:0.###} s this way gives more than {options.MaxSegments} segments (MaxSegments); use longer segments.");
        }

        return [.. cuts.Select((c, i) => new SegmentPlan(i, c.Start, c.Length))];
    }

    /// <summary>Cut times between segments (every start but the first), as ffmpeg's segment muxer wants them.</summary>
    public static IReadOnlyList<TimeSpan> CutPoints(IReadOnlyList<SegmentPlan> plan) =>
        [.. plan.Skip(1).Select(s => s.Start)];

    private static Func<int, TimeSpan> NextLength(CuttingOptions options)
    {
        if (options.Mode == CuttingMode.Fixed)
        {
            var fixedLength = Milliseconds(options.SegmentSeconds);
            return _ => fixedLength;
        }

        // System.Random with a seed uses the same algorithm in every .NET version: plans are reproducible.
#pragma warning disable CA5394 // not for security: reproducible segment lengths
        var random = new Random(options.Seed);
        return _ => Milliseconds(options.MinSeconds + (random.NextDouble() * (options.MaxSeconds - options.MinSeconds)));
#pragma warning restore CA5394
    }

    /// <summary>Whole milliseconds: plans print cleanly and compare exactly.</summary>
    private static TimeSpan Milliseconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
