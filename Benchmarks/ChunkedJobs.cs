using System.Diagnostics;
using System.Globalization;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Benchmarks;

/// <summary>
/// Issue #15's figures: an exact + overlay job cut as chunks (the pipeline as each chunk run uses it) with 1, 2, 4 ...
/// chunks in flight, against the single pass of the same job; per-chunk times and wall times, and from them the model of
/// a 60-minute video on Lambda, where every chunk has an invocation (and its CPUs) of its own.
/// </summary>
internal static class ChunkedJobs
{
    public sealed record Settings(string Work, int Seconds, int ChunkSeconds, IReadOnlyList<int> InFlight, bool Single);

    public static async Task RunAsync(Settings settings, VideoPipeline pipeline)
    {
        if (settings.Seconds <= settings.ChunkSeconds)
        {
            throw new ArgumentException($"--seconds ({settings.Seconds}) must be more than --chunk-seconds ({settings.ChunkSeconds}): one chunk is no split.");
        }

        Console.WriteLine($"# VideoAspire chunked jobs benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        Console.WriteLine($"ffmpeg: {await Inputs.FfmpegVersionAsync()}");
        var input = await Inputs.EnsureAsync(settings.Work, settings.Seconds, 2);
        await Inputs.ReadThroughAsync(input);
        var segments = (int)Math.Ceiling(settings.Seconds / 10.0);
        var overlay = TextOverlay.PerSegment([.. Enumerable.Range(1, segments).Select(i => $"Segment {i}")]);
        var spec = new SegmentJobSpec(input, CuttingOptions.Fixed(10), OutputMode.Exact, overlay, Thumbnails: false);
        var budget = TimeSpan.FromSeconds(settings.ChunkSeconds);
        Console.WriteLine($"\n## {settings.Seconds} s 1080p30 ({new FileInfo(input).Length / 1_000_000} MB), exact, one overlay per 10 s segment, " +
            $"chunks of {settings.ChunkSeconds} s (x264 veryfast)");

        var split = Stopwatch.StartNew();
        var chunks = (await RunAsync(pipeline, spec with { SplitBudget = budget })).Split
            ?? throw new InvalidOperationException("The job was not split (and was cut in one pass instead).");
        var splitSeconds = split.Elapsed.TotalSeconds;
        Row($"split: probe and plan, {chunks.Count} chunks", splitSeconds);

        double? single = null;
        if (settings.Single)
        {
            var stopwatch = Stopwatch.StartNew();
            await RunAsync(pipeline, spec);
            single = stopwatch.Elapsed.TotalSeconds;
            Row("single pass (one run cuts everything)", single.Value);
        }

        var walls = new Dictionary<int, double>();
        var perChunk = new Dictionary<int, double[]>();
        foreach (var inFlight in settings.InFlight)
        {
            var times = new double[chunks.Count];
            using var slots = new SemaphoreSlim(inFlight);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(chunks.Select(async chunk =>
            {
                await slots.WaitAsync();
                try
                {
                    var stopwatch = Stopwatch.StartNew();
                    await RunAsync(pipeline, spec with { Chunk = new ChunkRequest(chunk.Index, budget) });
                    times[chunk.Index] = stopwatch.Elapsed.TotalSeconds;
                }
                finally
                {
                    slots.Release();
                }
            }));
            walls[inFlight] = wall.Elapsed.TotalSeconds;
            perChunk[inFlight] = times;
            Console.WriteLine($"| {inFlight} chunk(s) in flight: wall {walls[inFlight],7:0.00} s | per chunk: median {Median(times),6:0.00} s, " +
                $"max {times.Max(),6:0.00} s | runs: {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine();
        var one = settings.InFlight[0];
        if (single is { } s)
        {
            Console.WriteLine($"| chunked, {one} in flight / single pass: {walls[one] / s:0.00} (the cost of cutting in chunks: seeks, lead-in decoding, one ffmpeg start per chunk) |");
        }

        foreach (var inFlight in settings.InFlight.Skip(1))
        {
            Console.WriteLine($"| speed-up, {inFlight} in flight against {one}: {walls[one] / walls[inFlight]:0.00} x on {Environment.ProcessorCount} cores |");
        }

        // Lambda: every chunk is an invocation of its own, so the job takes about its longest chunk run alone, plus the split
        // before it (and the invokes and commit, a few DynamoDB and Lambda calls: milliseconds each, not measured here).
        var alone = perChunk[one];
        var fullChunk = alone[..^1].DefaultIfEmpty(alone[^1]).Max(); // the last chunk may be shorter
        var perInputSecond = fullChunk / settings.ChunkSeconds;
        var hour = (int)Math.Ceiling(3600.0 / settings.ChunkSeconds);
        Console.WriteLine($"| model, 60-minute video on Lambda, {hour} invocations of {settings.ChunkSeconds} s each: about " +
            $"{splitSeconds + fullChunk:0} s (split {splitSeconds:0.0} s + one full chunk {fullChunk:0.0} s) instead of about {3600 * perInputSecond:0} s in one run " +
            $"({perInputSecond:0.00} s per input second on this machine's {Environment.ProcessorCount} cores) |");
    }

    private static Task<PipelineResult> RunAsync(VideoPipeline pipeline, SegmentJobSpec spec) =>
        pipeline.RunAsync(spec, (_, _) => ValueTask.CompletedTask, null, CancellationToken.None);

    private static void Row(string name, double seconds) => Console.WriteLine($"| {name,-52} | {seconds,7:0.00} s |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
