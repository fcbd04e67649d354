using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Everything the pipeline needs for one run. <paramref name="Input"/> is a local path or an HTTP(S) URL.</summary>
public sealed record SegmentJobSpec(string Input, CuttingOptions Cutting, OutputMode Mode, TextOverlay Overlay, bool Thumbnails)
{
    /// <summary>Names the job folder (diagnostics only).</summary>
    public string JobId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>One chunk of the job to cut; null cuts the whole plan in one pass (or splits it, <see cref="SplitBudget"/>).</summary>
    public ChunkRequest? Chunk { get; init; }

    /// <summary>
    /// With no <see cref="Chunk"/> asked for: when the job re-encodes and its plan needs more than one chunk of this much
    /// input, nothing is cut and the run returns the chunks (<see cref="PipelineResult.Split"/>) for the caller to send
    /// each on its own. Null: always one pass.
    /// </summary>
    public TimeSpan? SplitBudget { get; init; }

    /// <summary>Which codecs the segments may have; <see cref="SegmentCodecs.H264"/> unless the job asks to keep them.</summary>
    public SegmentCodecs Codecs { get; init; } = SegmentCodecs.H264;
}
