using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Everything the pipeline needs for one run. <paramref name="Input"/> is a local path or an HTTP(S) URL.</summary>
public sealed record SegmentJobSpec(string Input, CuttingOptions Cutting, OutputMode Mode, TextOverlay Overlay, bool Thumbnails)
{
    /// <summary>Names the job folder (diagnostics only).</summary>
    public string JobId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>One chunk of the job to cut; null cuts the whole plan in one pass.</summary>
    public ChunkRequest? Chunk { get; init; }

    /// <summary>Which codecs the segments may have; <see cref="SegmentCodecs.H264"/> unless the job asks to keep them.</summary>
    public SegmentCodecs Codecs { get; init; } = SegmentCodecs.H264;
}
