using System.Globalization;
using System.Text;
using System.Text.Json;
using VideoAspire.Core.Processes;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>Independent checks of produced files with real ffprobe / ffmpeg (not the code under test).</summary>
internal static class FfprobeReader
{
    public static async Task<JsonElement> ProbeAsync(string file)
    {
        var json = new StringBuilder();
        await ProcessRunner.RunAsync(
            new ProcessSpec("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]),
            line => json.AppendLine(line), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(json.ToString()).RootElement.Clone();
    }

    /// <summary>Duration of the first video stream, from its decoded frames' timestamps.</summary>
    public static async Task<double> VideoDurationAsync(string file)
    {
        var probe = await ProbeAsync(file);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        return double.Parse(video.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Number of video frames (packets) in the file, counted by ffprobe.</summary>
    public static async Task<int> VideoFrameCountAsync(string file)
    {
        var lines = new List<string>();
        await ProcessRunner.RunAsync(
            new ProcessSpec("ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", file]),
            lines.Add, TestContext.Current.CancellationToken);
        return int.Parse(lines[0].Trim().TrimEnd(','), CultureInfo.InvariantCulture);
    }

    /// <summary>Key frame flags of the first frames, decoded by ffprobe (true = keyframe).</summary>
    public static async Task<bool> FirstFrameIsKeyframeAsync(string file)
    {
        var lines = new List<string>();
        await ProcessRunner.RunAsync(
            new ProcessSpec("ffprobe", ["-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1",
                "-show_entries", "frame=key_frame", "-of", "csv=p=0", file]),
            lines.Add, TestContext.Current.CancellationToken);
        return lines.FirstOrDefault()?.Trim().StartsWith('1') == true;
    }

    /// <summary>Every frame of the file decodes without error.</summary>
    public static Task DecodesCleanlyAsync(string file) => ProcessRunner.RunAsync(
        new ProcessSpec("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i", file, "-f", "null", "-"]),
        null, TestContext.Current.CancellationToken);

    /// <summary>One frame at <paramref name="seconds"/> as 8-bit grey pixels, scaled to width x height.</summary>
    public static async Task<byte[]> GreyFrameAsync(string file, double seconds, int width, int height)
    {
        var output = Path.Combine(Path.GetTempPath(), $"frame-{Guid.NewGuid():N}.gray");
        try
        {
            await ProcessRunner.RunAsync(
                new ProcessSpec("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y",
                    "-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", file, "-frames:v", "1",
                    "-vf", $"scale={width}:{height}", "-f", "rawvideo", "-pix_fmt", "gray", output]),
                null, TestContext.Current.CancellationToken);
            return await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
