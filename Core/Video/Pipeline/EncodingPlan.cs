using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Per stream: copied as is, or re-encoded (video to H.264, audio to AAC), and why. Decided here only, from the probe
/// and the job's options; the job records it and the Api shows it.
/// </summary>
public sealed record EncodingPlan(StreamEncoding Video, StreamEncoding? Audio)
{
    /// <summary>What every MP4 player plays: copied whatever <see cref="SegmentCodecs"/> says.</summary>
    private static readonly HashSet<string> PlaysEverywhereVideo = ["h264"];
    private static readonly HashSet<string> PlaysEverywhereAudio = ["aac", "mp3"];

    /// <summary>
    /// What ffmpeg 5.1 puts into MP4 segments by stream copy with a standard sample entry (checked by copying each):
    /// kept with <see cref="SegmentCodecs.Keep"/>. Not here: FLAC and PCM (the MP4 muxer refuses them), Vorbis and MP2
    /// (written under private or MPEG-1 tags players do not know), and older video codecs (MPEG-4 Part 2, ProRes...).
    /// </summary>
    private static readonly HashSet<string> Mp4Video = ["h264", "hevc", "av1", "vp9"];
    private static readonly HashSet<string> Mp4Audio = ["aac", "mp3", "opus", "alac", "ac3", "eac3"];

    public bool CopyVideo => Video.Copy;

    public bool CopyAudio => Audio is { Copy: true };

    public bool HasAudio => Audio is not null;

    /// <summary>
    /// The sample entry to write for copied video, when ffmpeg's default is not the one players need: HEVC as 'hvc1'
    /// (parameter sets in the header), the tag Safari requires; ffmpeg would write 'hev1' for HEVC from Matroska.
    /// </summary>
    public string? VideoTag => Video is { Copy: true, OutputCodec: "hevc" } ? "hvc1" : null;

    /// <summary>
    /// Video is copied only in copy mode with no overlay, when its codec is H.264, or, with <see cref="SegmentCodecs.Keep"/>,
    /// one MP4 carries. Audio is copied only when the video is (re-encoded video gets re-encoded audio, so both are cut at
    /// the same instants) and its codec is AAC or MP3, or, with <see cref="SegmentCodecs.Keep"/>, one MP4 carries.
    /// </summary>
    public static EncodingPlan Decide(MediaInfo media, OutputMode mode, bool hasOverlay, SegmentCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(media);
        var video = DecideVideo(media.Video.Codec, mode, hasOverlay, codecs);
        var audio = media.Audio is { } a ? DecideAudio(a.Codec, video, codecs) : null;
        return new EncodingPlan(video, audio);
    }

    private static StreamEncoding DecideVideo(string codec, OutputMode mode, bool hasOverlay, SegmentCodecs codecs)
    {
        var jobNeedsEncoding = new List<string>();
        if (mode == OutputMode.Exact)
        {
            jobNeedsEncoding.Add("exact cuts");
        }

        if (hasOverlay)
        {
            jobNeedsEncoding.Add("text overlay");
        }

        return jobNeedsEncoding.Count > 0 ? StreamEncoding.ReEncoded(codec, "h264", string.Join(" and ", jobNeedsEncoding))
            : PlaysEverywhereVideo.Contains(codec) ? StreamEncoding.Copied(codec)
            : codecs == SegmentCodecs.H264 ? StreamEncoding.ReEncoded(codec, "h264", $"{codec} is not h264 and codecs=h264")
            : Mp4Video.Contains(codec) ? StreamEncoding.Copied(codec)
            : StreamEncoding.ReEncoded(codec, "h264", $"MP4 segments cannot keep {codec} (only {string.Join(", ", Mp4Video)})");
    }

    private static StreamEncoding DecideAudio(string codec, StreamEncoding video, SegmentCodecs codecs) =>
        !video.Copy ? StreamEncoding.ReEncoded(codec, "aac", "the video is re-encoded")
        : PlaysEverywhereAudio.Contains(codec) ? StreamEncoding.Copied(codec)
        : codecs == SegmentCodecs.H264 ? StreamEncoding.ReEncoded(codec, "aac", $"{codec} is not aac or mp3 and codecs=h264")
        : Mp4Audio.Contains(codec) ? StreamEncoding.Copied(codec)
        : StreamEncoding.ReEncoded(codec, "aac", $"MP4 segments cannot keep {codec} (only {string.Join(", ", Mp4Audio)})");
}
