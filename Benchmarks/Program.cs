using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoAspire.Benchmarks;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

// Usage: dotnet run -c Release --project Benchmarks -- [--work DIR] [--runs N] [--seconds S]
//        dotnet run -c Release --project Benchmarks -- cold-start BOOTSTRAP [BOOTSTRAP ...] [--runs N]
//        dotnet run -c Release --project Benchmarks -- memory [--work DIR] [--seconds S] [--sizes 1080p,4K,8K]
//        dotnet run -c Release --project Benchmarks -- codecs [--work DIR] [--runs N]   (the HEVC section of the default run alone)
//        dotnet run -c Release --project Benchmarks -- e2e [--work DIR] [--runs N] [--seconds S] [--exact-seconds S] [--upload-concurrency N]
//            [--method inprocess|lambda|both] [--api-dll PATH/Api.dll] [--api-log]
//        dotnet run -c Release --project Benchmarks -- chunks [--work DIR] [--seconds 600] [--chunk-seconds 60] [--in-flight 1,2,4] [--no-single]
// Generates its inputs (cached in DIR), then times each variant N times and prints medians and ratios.
if (args.FirstOrDefault() == "cold-start")
{
    var coldRuns = int.Parse(Arg("--runs") ?? "10", CultureInfo.InvariantCulture);
    Console.WriteLine($"# Processor cold start: process start to first GET /runtime/invocation/next, {coldRuns} runs (median), {Environment.ProcessorCount} cores");
    foreach (var bootstrap in args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))
    {
        await ColdStart.RunAsync(bootstrap, coldRuns);
    }

    return 0;
}

var work = Arg("--work") ?? Path.Combine(Path.GetTempPath(), "videoaspire-bench");
if (args.FirstOrDefault() == "e2e")
{
    Directory.CreateDirectory(work);
    await VideoAspire.Benchmarks.EndToEnd.EndToEndBenchmark.RunAsync(new(work, IntArg("--runs", 5), IntArg("--seconds", 60),
        IntArg("--exact-seconds", 20), IntArg("--upload-concurrency", 4),
        VideoAspire.Benchmarks.EndToEnd.EndToEndSettings.ParseMethods(Arg("--method")), Arg("--api-dll"), args.Contains("--api-log")));
    return 0;
}

var runs = int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture);
var memoryMode = args.FirstOrDefault() == "memory";
var seconds = int.Parse(Arg("--seconds") ?? (memoryMode ? "15" : "300"), CultureInfo.InvariantCulture);
Directory.CreateDirectory(work);

var options = new VideoOptions { WorkDirectory = Path.Combine(work, "jobs") };
if (memoryMode)
{
    // 4K exact runs far slower than the default encode budget allows on a small machine: memory is measured, not time.
    options.Limits.EncodeSecondsPerInputSecond = 100;
}

var pipeline = new VideoPipeline(new VideoAspire.Core.Video.Probing.MediaProber(Options.Create(options)), Options.Create(options),
    NullLogger<VideoPipeline>.Instance);
if (memoryMode)
{
    await Memory.RunAsync(work, seconds, Arg("--sizes") ?? "1080p,4K", RunPipelineAsync);
    return 0;
}

if (args.FirstOrDefault() == "chunks")
{
    await ChunkedJobs.RunAsync(new ChunkedJobs.Settings(work, IntArg("--seconds", 600), IntArg("--chunk-seconds", 60),
        [.. (Arg("--in-flight") ?? "1,2,4").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))], !args.Contains("--no-single")), pipeline);
    return 0;
}

var report = new Report();
if (args.FirstOrDefault() == "codecs")
{
    Console.WriteLine($"# VideoAspire HEVC codecs benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {runs} runs (median)");
    await HevcCodecs.RunAsync(work, runs, report, RunCopyWithCodecsAsync);
    return 0;
}

Console.WriteLine($"# VideoAspire pipeline benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {runs} runs per variant (median)");
Console.WriteLine($"ffmpeg: {await Inputs.FfmpegVersionAsync()}");

foreach (var gop in new[] { 2, 10 })
{
    var input = await Inputs.EnsureAsync(work, seconds, gop);
    Console.WriteLine($"\n## {seconds} s 1080p30 H.264, GOP {gop} s ({new FileInfo(input).Length / 1_000_000} MB), 10 s segments, stream copy");
    await Inputs.ReadThroughAsync(input); // same page-cache state for every variant

    var floor = await Report.TimeAsync($"(a) raw ffmpeg segment muxer, GOP {gop}", runs, () => Raw.SegmentMuxerAsync(input, work));
    var perSegment = await Report.TimeAsync($"(b) one ffmpeg per segment, output seek, GOP {gop}", runs, () => Raw.PerSegmentAsync(input, work, seconds));
    var ours = await Report.TimeAsync($"(c) pipeline, copy mode, GOP {gop}", runs, () => RunPipelineAsync(input, OutputMode.Copy, TextOverlay.None));
    report.Ratio($"(c)/(a), GOP {gop}", ours, floor, target: "<= 1.15", ok: ours / floor <= 1.15);
    report.Ratio($"(b)/(c), GOP {gop}", perSegment, ours, target: ">= 3", ok: perSegment / ours >= 3);
}

var sixty = await Inputs.FirstSecondsAsync(work, await Inputs.EnsureAsync(work, seconds, 2), 60);
Console.WriteLine("\n## 60 s 1080p30, exact mode, one overlay per 10 s segment (x264 veryfast)");
var texts = Enumerable.Range(1, 6).Select(i => $"Segment {i}: \"quoted\" 100% — Ünïcode").ToArray();
var overlay = TextOverlay.PerSegment(texts);
var rawExact = await Report.TimeAsync("raw ffmpeg, same command and filters", Math.Max(1, runs - 1), () => Raw.SameCommandAsync(sixty, work, options, overlay));
var exact = await Report.TimeAsync("pipeline, exact + overlay", Math.Max(1, runs - 1), () => RunPipelineAsync(sixty, OutputMode.Exact, overlay));
report.Ratio("exact+overlay / raw", exact, rawExact, target: "<= 1.10", ok: exact / rawExact <= 1.10);

await HevcCodecs.RunAsync(work, runs, report, RunCopyWithCodecsAsync);

Console.WriteLine();
report.PrintSummary();

// Memory stays flat whatever the input size: ffmpeg streams, the pipeline only reads small files.
using var self = System.Diagnostics.Process.GetCurrentProcess();
Console.WriteLine($"\nPeak working set of this process over the whole run: {self.PeakWorkingSet64 / 1_000_000} MB " +
    $"(inputs of {new FileInfo(await Inputs.EnsureAsync(work, seconds, 2)).Length / 1_000_000} MB cut {runs} times each).");
return 0;

async Task RunPipelineAsync(string input, OutputMode mode, TextOverlay textOverlay) =>
    await RunSpecAsync(new SegmentJobSpec(input, CuttingOptions.Fixed(10), mode, textOverlay, Thumbnails: false));

async Task RunCopyWithCodecsAsync(string input, SegmentCodecs codecs) =>
    await RunSpecAsync(new SegmentJobSpec(input, CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: false) { Codecs = codecs });

async Task RunSpecAsync(SegmentJobSpec spec) => await pipeline.RunAsync(spec, (_, _) => ValueTask.CompletedTask, null, CancellationToken.None);

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int IntArg(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
