using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Processes;

namespace VideoAspire.Core.Video.Probing;

/// <summary>
/// Runs ffprobe on a local file or an HTTP(S) URL and turns its JSON into <see cref="MediaInfo"/>,
/// or a <see cref="MediaException"/> that says plainly what is wrong with the input.
/// </summary>
public sealed class MediaProber(IOptions<VideoOptions> options)
{
    public async Task<MediaInfo> ProbeAsync(string input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        long? size = null;
        if (!VideoInput.IsUrl(input))
        {
            var file = new FileInfo(input);
            if (!file.Exists)
            {
                throw new MediaException(MediaErrorCode.InputNotFound, "The input file does not exist.");
            }

            size = file.Length;
            if (size == 0)
            {
                throw new MediaException(MediaErrorCode.EmptyInput, "The input is empty (0 bytes).");
            }
        }

        var json = new StringBuilder();
        try
        {
            await options.Value.Limits.RunWithinShortBudgetAsync("Probing", token => ProcessRunner.RunAsync(
                new ProcessSpec(options.Value.FfprobePath,
                    ["-v", "error", .. InputAllowlist.InputOptions(input), "-print_format", "json", "-show_format", "-show_streams", input]),
                line => json.AppendLine(line),
                token), cancellationToken);
        }
        catch (ProcessFailedException e)
        {
            throw InputAllowlist.Refusal(e) ?? Unreadable(e);
        }

        return Parse(json.ToString(), size);
    }

    internal static MediaInfo Parse(string json, long? size)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var formatName = format.ValueKind == JsonValueKind.Object ? Text(format, "format_name") ?? "unknown" : "unknown";

        var video = streams.FirstOrDefault(st => Text(st, "codec_type") == "video" && !IsAttachedPicture(st));
        if (video.ValueKind != JsonValueKind.Object)
        {
            throw new MediaException(MediaErrorCode.NoVideoStream,
                streams.Any(st => Text(st, "codec_type") == "audio")
                    ? "The input has no video stream (it is audio only)."
                    : "The input has no video stream.");
        }

        var duration = Seconds(format, "duration") ?? Seconds(video, "duration");
        if (duration is not > 0)
        {
            throw new MediaException(MediaErrorCode.UnreadableInput, "The input has no duration: it is a still image or not a video.");
        }

        var audio = streams.FirstOrDefault(st => Text(st, "codec_type") == "audio");
        var nominal = Rate(Text(video, "r_frame_rate"));
        var average = Rate(Text(video, "avg_frame_rate"));
        return new MediaInfo(
            formatName,
            TimeSpan.FromSeconds(duration.Value),
            new VideoStreamInfo(
                Text(video, "codec_name") ?? "unknown",
                Int(video, "width"),
                Int(video, "height"),
                average > 0 ? average : nominal,
                Rotation(video),
                nominal > 0 && average > 0 && Math.Abs(nominal - average) / nominal > 0.01),
            audio.ValueKind == JsonValueKind.Object
                ? new AudioStreamInfo(Text(audio, "codec_name") ?? "unknown", (int)(Seconds(audio, "sample_rate") ?? 0), Int(audio, "channels"))
                : null,
            size)
        {
            StreamCount = streams.Count,
        };
    }

    internal static MediaException Unreadable(ProcessFailedException e)
    {
        // Judge the message without the input's name: a presigned URL's signature may contain "404".
        var reason = StripPath(e.LastStderrLine);
        var code = reason.Contains("No such file", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("404 Not Found", StringComparison.OrdinalIgnoreCase)
            ? MediaErrorCode.InputNotFound
            : MediaErrorCode.UnreadableInput;
        return new MediaException(code, $"The input is not a video that can be read: {reason}", e);
    }

    /// <summary>ffprobe starts its messages with the input name; a presigned URL must not end up in a job record.</summary>
    private static string StripPath(string reason)
    {
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && (reason.StartsWith('/') || reason.StartsWith("http", StringComparison.Ordinal)) ? reason[(colon + 2)..] : reason;
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;

    private static int Rotation(JsonElement video)
    {
        if (video.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.TryGetInt32(out var degrees))
                {
                    return degrees;
                }
            }
        }

        return video.TryGetProperty("tags", out var tags) && Text(tags, "rotate") is { } rotate
            && int.TryParse(rotate, CultureInfo.InvariantCulture, out var tagged) ? tagged : 0;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? Seconds(JsonElement element, string name) =>
        double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt32(out var i) ? i : 0;

    private static double Rate(string? fraction)
    {
        var parts = fraction?.Split('/');
        return parts is [var n, var d]
            && double.TryParse(n, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(d, CultureInfo.InvariantCulture, out var den) && den > 0
            ? num / den
            : 0;
    }
}
