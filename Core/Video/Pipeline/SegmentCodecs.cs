namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Which codecs a job's segments may have (the job option <c>codecs</c>). It matters in copy mode only.</summary>
public enum SegmentCodecs
{
    /// <summary>
    /// What plays everywhere: H.264 video with AAC or MP3 audio. Anything else is re-encoded to H.264 / AAC
    /// (an iPhone's HEVC too), which is slow.
    /// </summary>
    H264,

    /// <summary>
    /// Keep the input's codecs when MP4 can carry them (video: H.264, HEVC, AV1, VP9; audio: AAC, MP3, Opus, ALAC,
    /// AC-3, E-AC-3): copying takes seconds where re-encoding takes minutes, but not every browser plays HEVC.
    /// </summary>
    Keep,
}
