using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// What a finished run did: the probe, the whole job's plan, per-stream copy/encode decisions and the segments produced
/// (those of <see cref="Chunk"/>, one of <see cref="ChunkCount"/>; a single pass is one chunk holding the whole plan).
/// </summary>
public sealed record PipelineResult(
    MediaInfo Media, IReadOnlyList<SegmentPlan> Plan, EncodingPlan Encoding, IReadOnlyList<ProducedSegment> Segments)
{
    public ChunkPlan Chunk { get; init; } = ChunkPlanner.Whole(Plan);

    public int ChunkCount { get; init; } = 1;

    /// <summary>Set when nothing was cut because the job is to be cut in these chunks (<see cref="SegmentJobSpec.SplitBudget"/>).</summary>
    public IReadOnlyList<ChunkPlan>? Split { get; init; }
}
