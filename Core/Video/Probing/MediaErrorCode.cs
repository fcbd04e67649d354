namespace VideoAspire.Core.Video.Probing;

/// <summary>Stable codes for input and processing failures; stored on failed jobs and returned by the Api.</summary>
public enum MediaErrorCode
{
    /// <summary>The input file or URL does not exist.</summary>
    InputNotFound,

    /// <summary>The input has zero bytes.</summary>
    EmptyInput,

    /// <summary>ffprobe cannot read the input as media at all.</summary>
    UnreadableInput,

    /// <summary>
    /// The input is not one of the accepted containers (<see cref="InputAllowlist"/>): e.g. an HLS/DASH playlist
    /// or a concat script posing as a video. Refused before anything it refers to is opened.
    /// </summary>
    UnsupportedContainer,

    /// <summary>The input is over a limit of <see cref="MediaLimits"/> (duration, picture, frame rate, streams, output size, time budget).</summary>
    LimitsExceeded,

    /// <summary>The input is media, but has no video stream (e.g. audio only).</summary>
    NoVideoStream,

    /// <summary>The input declares more than could be decoded: cut off or damaged.</summary>
    TruncatedInput,

    /// <summary>The overlay text has characters the font cannot draw.</summary>
    UnsupportedText,

    /// <summary>ffmpeg failed while cutting or encoding.</summary>
    ProcessingFailed,
}
