using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// What one run of a chunk reads of the input, so that it cuts the very frames the single pass cuts. The single pass
/// starts a segment at the frame ffmpeg rounds the planned time to, which may fall just before that time: so a chunk
/// reads from <see cref="Margin"/> before its start and, unless it is the last, up to <see cref="Margin"/> past its end,
/// keeps the input's own timestamps (-copyts -start_at_zero: the single pass's timeline, so keyframes are forced and
/// overlays enabled at the same instants), and cuts at its start and end too. The lead-in and the tail come out as
/// segments of their own, which the pipeline drops. The whole plan (<see cref="ChunkPlanner.Whole"/>) reads everything
/// and adds no option: the single pass is unchanged.
/// </summary>
public sealed record InputRange(ChunkPlan Chunk, double FramesPerSecond)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>A segment before the chunk's first, to drop.</summary>
    public bool HasLeadIn => Chunk.Start > TimeSpan.Zero;

    /// <summary>A segment after the chunk's last, to drop.</summary>
    public bool HasTail => !Chunk.IsLast;

    public TimeSpan ReadFrom => HasLeadIn ? Max(TimeSpan.Zero, Chunk.Start - Margin) : TimeSpan.Zero;

    /// <summary>How much input the run reads (to the end of the input for the last chunk).</summary>
    public TimeSpan ReadLength => (HasTail ? Chunk.End + Margin : Chunk.End) - ReadFrom;

    /// <summary>Every cut of the run, on the input's timeline: the chunk's start (after a lead-in), its segments', its end (before a tail).</summary>
    public IReadOnlyList<TimeSpan> Cuts =>
    [
        .. HasLeadIn ? [Chunk.Start] : Array.Empty<TimeSpan>(),
        .. SegmentPlanner.CutPoints(Chunk.Segments),
        .. HasTail ? [Chunk.End] : Array.Empty<TimeSpan>(),
    ];

    /// <summary>
    /// Input options (before -i). -ss seeks near <see cref="ReadFrom"/>; when re-encoding ffmpeg decodes from the keyframe
    /// before and drops the frames up to it exactly (accurate_seek, on by default). With stream copy it would start at a
    /// keyframe instead: only re-encoding runs read a range.
    /// </summary>
    public IReadOnlyList<string> InputOptions()
    {
        if (!HasLeadIn && !HasTail)
        {
            return [];
        }

        List<string> options = ["-copyts", "-start_at_zero"];
        if (ReadFrom > TimeSpan.Zero)
        {
            options.AddRange(["-ss", FfmpegCommands.Seconds(ReadFrom)]);
        }

        if (HasTail)
        {
            options.AddRange(["-t", FfmpegCommands.Seconds(ReadLength)]);
        }

        return options;
    }

    /// <summary>
    /// Segment muxer options. With the input's timestamps the forced keyframe can sit just before a cut time (rounded
    /// to a frame): half a frame of tolerance cuts there, as ffmpeg's documentation of segment_time_delta advises. The
    /// single pass gets the same from the encoder delay its timestamps carry.
    /// </summary>
    public IReadOnlyList<string> SegmentOptions() => !HasLeadIn && !HasTail
        ? []
        : ["-segment_time_delta", FfmpegCommands.Seconds(TimeSpan.FromSeconds(0.5 / (FramesPerSecond > 0 ? FramesPerSecond : 30)))];

    /// <summary>
    /// False for the lead-in and the tail: a segment whose middle lies outside the chunk (the segment list gives times
    /// on the input's timeline). A single pass keeps everything.
    /// </summary>
    public bool Keeps(SegmentListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var middle = entry.Start + ((entry.End - entry.Start) / 2);
        return (!HasLeadIn && !HasTail) || (middle >= Chunk.Start && middle < Chunk.End);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
