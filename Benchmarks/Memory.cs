using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Benchmarks;

/// <summary>
/// The "memory" mode: peak resident memory of whole jobs (this process plus its ffprobe/ffmpeg children), for
/// 1080p and 4K inputs in copy and exact + overlay modes, to compare with the Processor's memory size.
/// </summary>
internal static class Memory
{
    public delegate Task RunJob(string input, OutputMode mode, TextOverlay overlay);

    private static readonly (string Name, int Width, int Height)[] AllSizes = [("1080p", 1920, 1080), ("4K", 3840, 2160), ("8K", 7680, 4320)];

    /// <summary>Runs every size named in <paramref name="sizes"/> (comma-separated, e.g. "1080p,4K").</summary>
    public static async Task RunAsync(string work, int seconds, string sizes, RunJob run)
    {
        var wanted = sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Console.WriteLine($"# Peak memory of one job ({seconds} s inputs, 10 s segments, one overlay per segment in exact mode), " +
            $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"ffmpeg: {await Inputs.FfmpegVersionAsync()}");
        Console.WriteLine("| input | mode | wall time | tree peak (sum of VmRSS) | largest child VmHWM | this process VmHWM |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var overlay = TextOverlay.PerSegment([.. Enumerable.Range(1, (seconds + 9) / 10).Select(i => $"Segment {i}: \"quoted\" 100% — Ünïcode")]);
        foreach (var (name, width, height) in AllSizes.Where(s => wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var input = await Inputs.EnsureAsync(work, seconds, gopSeconds: 2, width, height);
            foreach (var (mode, textOverlay) in new[] { (OutputMode.Copy, TextOverlay.None), (OutputMode.Exact, overlay) })
            {
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var memory = new ProcessTreeMemory(TimeSpan.FromMilliseconds(20));
                await using (memory)
                {
                    await run(input, mode, textOverlay);
                }

                Console.WriteLine($"| {name} | {(mode == OutputMode.Copy ? "copy" : "exact + overlay")} | {stopwatch.Elapsed.TotalSeconds:0.0} s | " +
                    $"{Mb(memory.TreePeakKb)} MB | {Mb(memory.LargestChildPeakKb)} MB | {Mb(memory.SelfPeakKb)} MB |");
            }
        }
    }

    private static long Mb(long kb) => kb * 1024 / 1_000_000;
}
