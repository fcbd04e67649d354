using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// What a request gets for the options it leaves out: 10 s fixed segments and no text (output copy and thumbnails
/// on are the defaults of <see cref="CreateJobRequest"/>'s own parameters). The one home of these defaults for
/// POST /api/jobs and POST /api/videos/analyze alike.
/// </summary>
internal static class JobRequestDefaults
{
    public static CuttingOptions Cutting(CuttingOptions? requested) => requested ?? CuttingOptions.Fixed(10);

    public static JobOptions Options(CreateJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobOptions(Cutting(request.Cutting), request.Output, request.Overlay ?? TextOverlay.None, request.Thumbnails);
    }
}
