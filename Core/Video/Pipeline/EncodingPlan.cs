using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Per stream: copy as is, or re-encode (to H.264 / AAC) — decided from the probe and the job.</summary>
public sealed record EncodingPlan(bool CopyVideo, bool CopyAudio, bool HasAudio)
{
    private static readonly HashSet<string> Mp4VideoCodecs = ["h264"];
    private static readonly HashSet<string> Mp4AudioCodecs = ["aac", "mp3"];

    /// <summary>
    /// Video is copied only in copy mode, with no overlay, from a codec every MP4 player plays (H.264).
    /// Audio is copied when it is AAC or MP3 and the video is copied too (re-encoded video gets re-encoded
    /// audio, so both are cut at the same instants).
    /// </summary>
    public static EncodingPlan Decide(MediaInfo media, OutputMode mode, bool hasOverlay)
    {
        ArgumentNullException.ThrowIfNull(media);
        var copyVideo = mode == OutputMode.Copy && !hasOverlay && Mp4VideoCodecs.Contains(media.Video.Codec);
        var hasAudio = media.Audio is not null;
        var copyAudio = copyVideo && hasAudio && Mp4AudioCodecs.Contains(media.Audio!.Codec);
        return new EncodingPlan(copyVideo, copyAudio, hasAudio);
    }
}
