namespace VideoAspire.Core.Video.Probing;

/// <summary>What ffprobe found in an input: container, duration and the first video and audio streams.</summary>
public sealed record MediaInfo(string FormatName, TimeSpan Duration, VideoStreamInfo Video, AudioStreamInfo? Audio, long? SizeBytes)
{
    /// <summary>Every stream in the container (video, audio, subtitles, data), for the limits.</summary>
    public int StreamCount { get; init; } = 1;
}

/// <summary>
/// The first video stream. Rotation is the display rotation in degrees from the stream's side data (0 when none);
/// VariableFrameRate is true when the average frame rate differs from the nominal one.
/// </summary>
public sealed record VideoStreamInfo(string Codec, int Width, int Height, double FramesPerSecond, int Rotation, bool VariableFrameRate);

public sealed record AudioStreamInfo(string Codec, int SampleRate, int Channels);
