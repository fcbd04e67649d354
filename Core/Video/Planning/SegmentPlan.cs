namespace VideoAspire.Core.Video.Planning;

/// <summary>One planned cut: segment <paramref name="Index"/> covers [Start, Start + Duration) of the input.</summary>
public sealed record SegmentPlan(int Index, TimeSpan Start, TimeSpan Duration)
{
    public TimeSpan End => Start + Duration;
}
