namespace VideoAspire.Core.Video.Planning;

/// <summary>
/// One chunk of a job: consecutive whole segments of the single-pass plan (<paramref name="Segments"/>, with their
/// indexes and start times in the whole input), cut by one ffmpeg run that reads only [<see cref="Start"/>,
/// <see cref="End"/>) of the input. <paramref name="IsLast"/>: the chunk that runs to the end of the input.
/// </summary>
public sealed record ChunkPlan(int Index, IReadOnlyList<SegmentPlan> Segments, bool IsLast)
{
    public TimeSpan Start => Segments[0].Start;

    public TimeSpan End => Segments[^1].End;

    public TimeSpan Duration => End - Start;

    /// <summary>
    /// The chunk's segments with start times counted from the chunk's start: the times ffmpeg sees once it has sought
    /// to <see cref="Start"/> (input seeking resets timestamps to zero there). Indexes stay the plan's.
    /// </summary>
    public IReadOnlyList<SegmentPlan> Relative() => [.. Segments.Select(s => s with { Start = s.Start - Start })];
}
