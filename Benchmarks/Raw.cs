using System.Globalization;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Benchmarks;

/// <summary>The baselines: ffmpeg run directly, with no pipeline around it.</summary>
internal static class Raw
{
    /// <summary>(a) The floor: one segment-muxer pass with stream copy.</summary>
    public static Task SegmentMuxerAsync(string input, string work) => InFreshFolder(work, "raw-a", folder =>
        Inputs.Ffmpeg("-i", input, "-map", "0", "-c", "copy", "-f", "segment", "-segment_time", "10", "-reset_timestamps", "1",
            Path.Combine(folder, "seg-%03d.mp4")));

    /// <summary>(b) The original design: one process per segment, seeking on the output side.</summary>
    public static Task PerSegmentAsync(string input, string work, int seconds) => InFreshFolder(work, "raw-b", async folder =>
    {
        for (var start = 0; start < seconds; start += 10)
        {
            await Inputs.Ffmpeg("-i", input, "-ss", start.ToString(CultureInfo.InvariantCulture), "-t", "10", "-c", "copy",
                Path.Combine(folder, $"seg-{start:D4}.mp4"));
        }
    });

    /// <summary>The exact+overlay floor: the very command the pipeline builds, with the same filter script, run by hand.</summary>
    public static Task SameCommandAsync(string input, string work, VideoOptions options, TextOverlay overlay) =>
        InFreshFolder(work, "raw-exact", async folder =>
        {
            var duration = TimeSpan.FromSeconds(60);
            var plan = SegmentPlanner.Plan(duration, CuttingOptions.Fixed(10));
            string TextFile(int i) => Path.Combine(folder, $"text-{i:D4}.txt");
            foreach (var segment in plan)
            {
                await File.WriteAllTextAsync(TextFile(segment.Index), overlay.TextFor(segment.Index));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, FfmpegCommands.VideoFilterScript),
                FfmpegCommands.VideoFilters(plan, overlay, options.FontFile, TextFile));
            var reencoded = new EncodingPlan(
                StreamEncoding.ReEncoded("h264", "h264", "exact cuts and text overlay"), StreamEncoding.ReEncoded("aac", "aac", "the video is re-encoded"));
            var arguments = FfmpegCommands.Segment(input, duration, plan, reencoded, options, folder);
            await VideoAspire.Core.Processes.ProcessRunner.RunAsync(
                new VideoAspire.Core.Processes.ProcessSpec("ffmpeg", arguments), null, CancellationToken.None);
        });

    private static async Task InFreshFolder(string work, string name, Func<string, Task> run)
    {
        var folder = Path.Combine(work, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        try
        {
            await run(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
