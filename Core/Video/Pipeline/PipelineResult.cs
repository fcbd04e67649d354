using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>What a finished run did: the probe, the plan, per-stream copy/encode decisions and the segments produced.</summary>
public sealed record PipelineResult(
    MediaInfo Media, IReadOnlyList<SegmentPlan> Plan, EncodingPlan Encoding, IReadOnlyList<ProducedSegment> Segments);
