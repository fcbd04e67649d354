using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.UnitTests.Video;

/// <summary>Encoding plans for tests of what consumes a plan (commands, limits), by its three flags.</summary>
internal static class EncodingPlans
{
    public static EncodingPlan Of(bool copyVideo, bool copyAudio, bool hasAudio) => new(
        copyVideo ? StreamEncoding.Copied("h264") : StreamEncoding.ReEncoded("h264", "h264", "exact cuts"),
        !hasAudio ? null : copyAudio ? StreamEncoding.Copied("aac") : StreamEncoding.ReEncoded("aac", "aac", "the video is re-encoded"));
}
