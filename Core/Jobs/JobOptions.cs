using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Jobs;

/// <summary>The processing options stored with a job (and sent to the Processor).</summary>
public sealed record JobOptions(CuttingOptions Cutting, OutputMode Output, TextOverlay Overlay, bool Thumbnails);
