using System.Text.RegularExpressions;
using VideoAspire.Core.Processes;

namespace VideoAspire.Core.Video.Probing;

/// <summary>
/// The only protocols and container formats (demuxers) ffprobe and ffmpeg may use on an uploaded file.
/// An upload is hostile until proven otherwise: playlists and reference formats (HLS, DASH, concat,
/// image sequences, SDP/RTP, data URIs, subfile, tee, lavfi...) would make the server open other URLs or
/// files. ffmpeg checks both lists when it opens the input, before it reads anything the file points to.
/// </summary>
public static partial class InputAllowlist
{
    /// <summary>The containers the service accepts: the MP4/MOV family, Matroska/WebM, AVI and MPEG-TS.</summary>
    public const string Demuxers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts";

    /// <summary>What the README and error messages call them.</summary>
    public const string Description = "MP4/MOV (and 3GP, M4V), Matroska/WebM, AVI or MPEG-TS";

    /// <summary>A local input (a downloaded upload, a produced segment) may only be read as a file.</summary>
    public const string FileProtocols = "file";

    /// <summary>A presigned GET URL needs HTTP(S) and what it runs on; nothing else (no file:, data:, concat:, subfile:).</summary>
    public const string UrlProtocols = "http,https,tcp,tls";

    /// <summary>The input options to put before <c>-i <paramref name="input"/></c> in every ffprobe and ffmpeg run.</summary>
    public static IReadOnlyList<string> InputOptions(string input) =>
        ["-protocol_whitelist", VideoInput.IsUrl(input) ? UrlProtocols : FileProtocols, "-format_whitelist", Demuxers];

    /// <summary>
    /// When ffprobe/ffmpeg stopped because the input is not on the lists, the refusal to record on the job
    /// (<see cref="MediaErrorCode.UnsupportedContainer"/>, saying what the file is); otherwise null.
    /// </summary>
    public static MediaException? Refusal(ProcessFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (FormatRefused().Match(failure.StderrTail) is { Success: true } format)
        {
            return new MediaException(MediaErrorCode.UnsupportedContainer,
                $"The file is {Describe(format.Groups["demuxer"].Value)}, not a video container this service accepts " +
                $"({Description}). Playlists and files that refer to other files or URLs are refused; nothing they point to was opened.",
                failure);
        }

        return ProtocolRefused().Match(failure.StderrTail) is { Success: true } protocol
            ? new MediaException(MediaErrorCode.UnsupportedContainer,
                $"The file tried to open a '{protocol.Groups["protocol"].Value}' resource; references to other files or URLs are refused and nothing was opened.",
                failure)
            : null;
    }

    internal static string Describe(string demuxer) => demuxer switch
    {
        "hls" or "applehttp" => "an HLS playlist (M3U8)",
        "dash" => "a DASH manifest (MPD)",
        "concat" => "an ffconcat/concat script",
        "sdp" or "rtp" or "rtsp" => "an SDP/RTP session description",
        "tee" or "lavfi" => $"a '{demuxer}' pseudo-input",
        "tty" => "a text file",
        "data" or "subfile" => $"a '{demuxer}' reference",
        _ when demuxer.StartsWith("image2", StringComparison.Ordinal) || demuxer.EndsWith("_pipe", StringComparison.Ordinal) =>
            "an image or image sequence",
        _ => $"a '{demuxer}' file",
    };

    [GeneratedRegex(@"\[(?<demuxer>[A-Za-z0-9_,]+) @ [^\]]+\] Format not on whitelist")]
    private static partial Regex FormatRefused();

    [GeneratedRegex(@"Protocol '(?<protocol>[A-Za-z0-9_+.-]+)' not on whitelist")]
    private static partial Regex ProtocolRefused();
}
