using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The processing options stored with a job (and sent to the Processor). <paramref name="Codecs"/> came last: rows
/// written before it existed have none and read as <see cref="SegmentCodecs.H264"/>, what those jobs did.
/// </summary>
public sealed record JobOptions(
    CuttingOptions Cutting, OutputMode Output, TextOverlay Overlay, bool Thumbnails, SegmentCodecs Codecs = SegmentCodecs.H264);
