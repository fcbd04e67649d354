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
}
