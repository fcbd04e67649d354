namespace VideoAspire.Core.Video;

/// <summary>An input is a local path or an HTTP(S) URL (e.g. a presigned GET) that ffmpeg reads directly.</summary>
public static class VideoInput
{
    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
