using System.Globalization;
using VideoAspire.Core.Processes;

namespace VideoAspire.Benchmarks;

/// <summary>Generated benchmark inputs (lavfi testsrc2 + sine), cached in the work folder.</summary>
internal static class Inputs
{
    public static async Task<string> EnsureAsync(string work, int seconds, int gopSeconds, int width = 1920, int height = 1080)
    {
        var file = Path.Combine(work, $"input-{seconds}s-{height}p30-gop{gopSeconds}.mp4");
        if (File.Exists(file))
        {
            return file;
        }

        Console.WriteLine($"generating {file} ...");
        var partial = file + ".partial.mp4";
        await Ffmpeg(
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", (gopSeconds * 30).ToString(CultureInfo.InvariantCulture),
            "-keyint_min", (gopSeconds * 30).ToString(CultureInfo.InvariantCulture), "-sc_threshold", "0",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", partial);
        File.Move(partial, file);
        return file;
    }

    /// <summary>
    /// As an iPhone records: 1080p30 HEVC Main 10 ('hvc1') in QuickTime with a 90° display matrix, AAC audio, a keyframe
    /// every second (x265 ultrafast; ffmpeg 5.1 writes the rotation only when stream-copying, hence the second pass).
    /// </summary>
    public static async Task<string> EnsureIphoneHevcAsync(string work, int seconds)
    {
        var file = Path.Combine(work, $"iphone-{seconds}s-1080p30-hevc10.mov");
        if (File.Exists(file))
        {
            return file;
        }

        Console.WriteLine($"generating {file} ...");
        var landscape = file + ".landscape.mov";
        await Ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le",
            "-x265-params", "log-level=error:keyint=30:min-keyint=30:scenecut=0", "-tag:v", "hvc1", "-c:a", "aac", "-shortest", landscape);
        await Ffmpeg("-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=90", file + ".partial.mov");
        File.Delete(landscape);
        File.Move(file + ".partial.mov", file);
        return file;
    }

    public static async Task<string> FirstSecondsAsync(string work, string input, int seconds)
    {
        var file = Path.Combine(work, $"first-{seconds}s-{Path.GetFileName(input)}");
        if (!File.Exists(file))
        {
            await Ffmpeg("-i", input, "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c", "copy", file);
        }

        return file;
    }

    public static async Task ReadThroughAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await stream.CopyToAsync(Stream.Null);
    }

    public static async Task<string> FfmpegVersionAsync()
    {
        string? first = null;
        await ProcessRunner.RunAsync(new ProcessSpec("ffmpeg", ["-hide_banner", "-version"]), line => first ??= line, CancellationToken.None);
        return first ?? "unknown";
    }

    public static Task Ffmpeg(params string[] arguments) => ProcessRunner.RunAsync(
        new ProcessSpec("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments]), null, CancellationToken.None);
}
