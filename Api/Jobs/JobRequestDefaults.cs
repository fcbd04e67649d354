using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// What a request gets for the options it leaves out: 10 s fixed segments, no text and codecs h264 (output copy and thumbnails
/// on are the defaults of <see cref="CreateJobRequest"/>'s own parameters). The one home of these defaults for
/// POST /api/jobs and POST /api/videos/analyze alike.
/// </summary>
internal static class JobRequestDefaults
{
    public static CuttingOptions Cutting(CuttingOptions? requested) => requested ?? CuttingOptions.Fixed(10);

    public static JobOptions Options(CreateJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobOptions(Cutting(request.Cutting), request.Output, request.Overlay ?? TextOverlay.None, request.Thumbnails,
            Codecs(request.Codecs));
    }

    /// <summary>
    /// The codecs option by its wire name, any case; left out, h264. An unknown name becomes a value outside the enum,
    /// which <see cref="JobRequestValidator"/> reports as a field error (a string, not an enum, in the request for this:
    /// an unknown enum name would fail JSON binding as a malformed request, with no field named).
    /// </summary>
    public static SegmentCodecs Codecs(string? requested) => requested?.ToUpperInvariant() switch
    {
        null or "H264" => SegmentCodecs.H264,
        "KEEP" => SegmentCodecs.Keep,
        _ => (SegmentCodecs)(-1),
    };
}
