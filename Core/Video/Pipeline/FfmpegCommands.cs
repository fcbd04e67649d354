using System.Globalization;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// The ffmpeg command lines of the pipeline, as argument lists (no shell, no quoting). One pass cuts every
/// segment: the segment muxer at the planned cut points, with keyframes forced there when re-encoding.
/// </summary>
public static class FfmpegCommands
{
    public const string SegmentPattern = "segment-%04d.mp4";
    public const string SegmentList = "segments.csv";
    public const string VideoFilterScript = "video-filters.txt";

    /// <summary>
    /// Arguments for the cutting pass, writing into <paramref name="workspace"/>. With a <paramref name="range"/>, only that
    /// part of the input is read (<paramref name="plan"/> is then the chunk's segments; see <see cref="InputRange"/>).
    /// </summary>
    public static IReadOnlyList<string> Segment(
        string input, TimeSpan inputDuration, IReadOnlyList<SegmentPlan> plan, EncodingPlan encoding,
        VideoOptions options, string workspace, InputRange? range = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(options);
        var cuts = string.Join(',', (range?.Cuts ?? SegmentPlanner.CutPoints(plan)).Select(Seconds));
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-progress", "pipe:1", "-nostats" };
        if (VideoInput.IsUrl(input))
        {
            args.AddRange(["-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_delay_max", "5"]);
        }

        args.AddRange(InputAllowlist.InputOptions(input));
        args.AddRange(range?.InputOptions() ?? []);
        args.AddRange(["-i", input, "-map", "0:v:0"]);
        if (encoding.HasAudio)
        {
            args.AddRange(["-map", "0:a:0"]);
        }

        if (encoding.CopyVideo)
        {
            args.AddRange(["-c:v", "copy"]);
            if (encoding.VideoTag is { } tag)
            {
                args.AddRange(["-tag:v", tag]);
            }
        }
        else
        {
            args.AddRange([
                "-filter_script:v", Path.Combine(workspace, VideoFilterScript),
                "-c:v", "libx264", "-preset", options.X264Preset,
                "-crf", options.X264Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
            ]);
            if (cuts.Length > 0)
            {
                args.AddRange(["-force_key_frames", cuts]);
            }
        }

        if (encoding.HasAudio)
        {
            args.AddRange(encoding.CopyAudio ? ["-c:a", "copy"] : ["-c:a", "aac", "-b:a", "128k"]);
        }

        args.AddRange(["-f", "segment", "-segment_format", "mp4"]);
        if (!encoding.CopyVideo)
        {
            // Index first, for progressive playback. It rewrites each file once: negligible next to encoding,
            // but about a quarter of a stream-copy run, so copied segments keep the index at the end
            // (players fetch it with a range request).
            args.AddRange(["-segment_format_options", "movflags=+faststart"]);
        }

        args.AddRange(range?.SegmentOptions() ?? []);
        args.AddRange(cuts.Length > 0
            ? ["-segment_times", cuts]
            : ["-segment_time", Seconds(inputDuration + TimeSpan.FromHours(1))]); // one segment: never cut
        args.AddRange([
            "-reset_timestamps", "1",
            "-segment_list", Path.Combine(workspace, SegmentList), "-segment_list_type", "csv",
            Path.Combine(workspace, SegmentPattern),
        ]);
        return args;
    }

    /// <summary>
    /// The video filter chain for re-encoding: even dimensions for yuv420p, then one drawtext per text,
    /// each reading its own file (textfile=, expansion=none) and enabled only during its segment.
    /// </summary>
    public static string VideoFilters(
        IReadOnlyList<SegmentPlan> plan, TextOverlay overlay, string fontFile, Func<int, string> textFileFor)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(textFileFor);
        var filters = new List<string> { "scale=trunc(iw/2)*2:trunc(ih/2)*2" };
        if (overlay.Mode == OverlayMode.AllSegments && overlay.TextFor(0) is not null)
        {
            filters.Add(DrawText(overlay.Style, fontFile, textFileFor(0), enable: null));
        }
        else if (overlay.Mode == OverlayMode.PerSegment)
        {
            foreach (var segment in plan.Where(s => overlay.TextFor(s.Index) is not null))
            {
                var end = segment.Index == plan[^1].Index ? "1" : $"lt(t,{Seconds(segment.End)})";
                filters.Add(DrawText(overlay.Style, fontFile, textFileFor(segment.Index), $"gte(t,{Seconds(segment.Start)})*{end}"));
            }
        }

        return string.Join(",\n", filters);
    }

    /// <summary>One JPEG from the middle of a finished segment (our own MP4, still opened through the allowlists).</summary>
    public static IReadOnlyList<string> Thumbnail(string segment, TimeSpan at, int width, string output) =>
    [
        "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        .. InputAllowlist.InputOptions(segment),
        "-ss", Seconds(at), "-i", segment,
        "-frames:v", "1", "-vf", $"scale={width}:-2", "-q:v", "3", output,
    ];

    private static string DrawText(OverlayStyle style, string fontFile, string textFile, string? enable)
    {
        var margin = "h*0.05";
        var y = style.Position switch
        {
            OverlayPosition.Top => margin,
            OverlayPosition.Center => "(h-text_h)/2",
            _ => $"h-text_h-{margin}",
        };
        var background = style.Background == OverlayBackground.Box
            ? $"box=1:boxcolor=black@0.6:boxborderw={Math.Max(4, style.FontSize / 4)}"
            : $"borderw={Math.Max(2, style.FontSize / 16)}:bordercolor=black";
        var drawText = string.Join(':',
            $"drawtext=fontfile={FilterEscaping.OptionValue(fontFile)}",
            $"textfile={FilterEscaping.OptionValue(textFile)}",
            "expansion=none",
            $"fontsize={style.FontSize.ToString(CultureInfo.InvariantCulture)}",
            $"fontcolor={style.FfmpegColor}",
            "x=(w-text_w)/2",
            $"y={y}",
            background);
        return enable is null ? drawText : $"{drawText}:enable='{enable}'";
    }

    internal static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}
