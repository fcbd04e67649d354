namespace VideoAspire.Core.Video.Planning;

/// <summary>What a caller asks of the cutter. Validate with <see cref="Validate"/> before planning.</summary>
public sealed record CuttingOptions
{
    public const double MinimumSegmentSeconds = 1;
    public const double MaximumSegmentSeconds = 3600;
    public const int MaximumSegmentLimit = 1000;

    public CuttingMode Mode { get; init; } = CuttingMode.Fixed;

    /// <summary>Segment length for <see cref="CuttingMode.Fixed"/>.</summary>
    public double SegmentSeconds { get; init; } = 10;

    /// <summary>Shortest length for <see cref="CuttingMode.Random"/>.</summary>
    public double MinSeconds { get; init; } = 5;

    /// <summary>Longest length for <see cref="CuttingMode.Random"/>.</summary>
    public double MaxSeconds { get; init; } = 15;

    /// <summary>Seed for <see cref="CuttingMode.Random"/>; the same seed and duration give the same plan.</summary>
    public int Seed { get; init; }

    /// <summary>A last piece shorter than this is merged into the segment before it.</summary>
    public double MinLastSegmentSeconds { get; init; } = 2;

    /// <summary>A plan with more segments than this is refused.</summary>
    public int MaxSegments { get; init; } = 500;

    public static CuttingOptions Fixed(double seconds) => new() { Mode = CuttingMode.Fixed, SegmentSeconds = seconds };

    public static CuttingOptions Random(double minSeconds, double maxSeconds, int seed) =>
        new() { Mode = CuttingMode.Random, MinSeconds = minSeconds, MaxSeconds = maxSeconds, Seed = seed };

    /// <summary>Field errors keyed by property name; empty when the options can be planned.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(Mode))
        {
            errors[nameof(Mode)] = ["Unknown cutting mode."];
        }

        if (Mode == CuttingMode.Fixed && !InRange(SegmentSeconds))
        {
            errors[nameof(SegmentSeconds)] = [RangeMessage];
        }

        if (Mode == CuttingMode.Random)
        {
            if (!InRange(MinSeconds))
            {
                errors[nameof(MinSeconds)] = [RangeMessage];
            }

            if (!InRange(MaxSeconds))
            {
                errors[nameof(MaxSeconds)] = [RangeMessage];
            }
            else if (MinSeconds > MaxSeconds)
            {
                errors[nameof(MaxSeconds)] = ["Must be at least MinSeconds."];
            }
        }

        if (MinLastSegmentSeconds is < 0 or > MaximumSegmentSeconds || double.IsNaN(MinLastSegmentSeconds))
        {
            errors[nameof(MinLastSegmentSeconds)] = [$"Must be between 0 and {MaximumSegmentSeconds} seconds."];
        }

        if (MaxSegments is < 1 or > MaximumSegmentLimit)
        {
            errors[nameof(MaxSegments)] = [$"Must be between 1 and {MaximumSegmentLimit}."];
        }

        return errors;
    }

    private static string RangeMessage => $"Must be between {MinimumSegmentSeconds} and {MaximumSegmentSeconds} seconds.";

    private static bool InRange(double seconds) => seconds is >= MinimumSegmentSeconds and <= MaximumSegmentSeconds;
}
