using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.LocalAws;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The "e2e" mode (issue #14): whole jobs as a user waits for them, against the raw stages on the same stored object,
/// in the same run, on the embedded emulators. Jobs run in-process (the Api as its own process, with its worker), through
/// Lambda (the Api in Lambda mode, the Lambda emulator and the Processor, each its own process), or both, interleaved
/// (see <see cref="JobHost"/>); a client uploads each input once per way, then times POST /api/jobs to the first poll
/// that sees "completed".
/// </summary>
internal static class EndToEndBenchmark
{
    private const string Bucket = "bench-e2e";

    /// <summary>What the job decides for the generated H.264 + AAC input: copy both, or re-encode both (exact + overlay).</summary>
    private static readonly EncodingPlan CopyBoth = new(StreamEncoding.Copied("h264"), StreamEncoding.Copied("aac"));

    private static readonly EncodingPlan ReEncodeBoth = new(
        StreamEncoding.ReEncoded("h264", "h264", "exact cuts and text overlay"), StreamEncoding.ReEncoded("aac", "aac", "the video is re-encoded"));

    public static async Task RunAsync(EndToEndSettings settings)
    {
        Console.WriteLine($"# VideoAspire end-to-end benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{settings.Runs} runs per variant (median), Processing:UploadConcurrency={settings.UploadConcurrency}, " +
            $"jobs run: {string.Join(" and ", settings.Methods.Select(m => m.ToWireName()))}");
        Console.WriteLine($"ffmpeg: {await Inputs.FfmpegVersionAsync()}");
        var copyInput = await Inputs.EnsureAsync(settings.Work, settings.CopySeconds, gopSeconds: 2);
        var exactInput = settings.ExactSeconds > 0 ? await Inputs.EnsureAsync(settings.Work, settings.ExactSeconds, gopSeconds: 2) : null;

        await using var aws = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions(), CancellationToken.None);
        var configuration = new Dictionary<string, string?>(aws.ToConfiguration())
        {
            ["Storage:BucketName"] = Bucket,
            ["Storage:BootstrapResources"] = "true",
            ["Uploads:MaxSinglePutBytes"] = (5L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["UserLimits:JobsPerMinute"] = "1000",
            // Time is measured here, not limits: on a loaded machine an exact job can outlast the default encode budget.
            ["Video:Limits:EncodeSecondsPerInputSecond"] = "100",
            ["Processing:UploadConcurrency"] = settings.UploadConcurrency.ToString(CultureInfo.InvariantCulture),
        };
        var hosts = new List<JobHost>();
        try
        {
            foreach (var method in settings.Methods)
            {
                hosts.Add(await JobHost.StartAsync(method, settings, configuration));
            }

            using var s3 = AwsClientFactory.CreateS3(Connection(configuration));
            var report = new Report();
            await CopyAsync(settings, configuration, hosts, s3, copyInput, report);
            if (exactInput is not null)
            {
                await ExactAsync(settings, hosts, s3, exactInput, report);
            }

            Console.WriteLine();
            report.PrintSummary();
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task CopyAsync(EndToEndSettings settings, IReadOnlyDictionary<string, string?> configuration,
        List<JobHost> hosts, IAmazonS3 s3, string copyInput, Report report)
    {
        var raw = new RawStages(s3, Bucket, new VideoOptions(), Path.Combine(settings.Work, "raw-e2e"));
        Console.WriteLine($"\n## {settings.CopySeconds} s 1080p30 H.264, GOP 2 s ({Mb(copyInput)} MB), 10 s segments, copy mode, no thumbnails");
        var inputUrl = raw.InputUrl((await hosts[0].UploadAsync(copyInput)).Key);
        var duration = TimeSpan.FromSeconds(settings.CopySeconds);
        var cut = await Report.TimeAsync("raw ffmpeg: presigned GET URL -> local segments", settings.Runs,
            () => raw.CutAsync(inputUrl, duration, CopyBoth, TextOverlay.None));
        var putOne = await Report.TimeAsync($"raw HTTP PUT of {raw.Segments.Count} segments, one at a time", settings.Runs,
            () => raw.PutAllAsync("bench/raw/one/", 1));
        var putMany = await Report.TimeAsync($"raw HTTP PUT of {raw.Segments.Count} segments, {settings.UploadConcurrency} at a time", settings.Runs,
            () => raw.PutAllAsync("bench/raw/many/", settings.UploadConcurrency));
        var second = new RawStages(s3, Bucket, new VideoOptions(), Path.Combine(settings.Work, "raw-e2e-2"));
        var both = await Report.TimeAsync($"raw cut and raw PUT ({settings.UploadConcurrency} at a time) at once, same endpoint", settings.Runs,
            () => Task.WhenAll(second.CutAsync(inputUrl, duration, CopyBoth, TextOverlay.None), raw.PutAllAsync("bench/raw/both/", settings.UploadConcurrency)));
        await ProfileSdkAsync(settings, configuration, raw);

        async Task<object> Request(JobHost host) => new { uploadId = (await host.UploadAsync(copyInput)).UploadId, output = "copy", thumbnails = false };
        foreach (var host in hosts)
        {
            // A host's first job pays for JIT and connections (and the Processor's first invocation): not counted.
            var warmUp = await host.RunJobAsync(await Request(host));
            await host.Client.DeleteJobAsync(warmUp.Job.GetProperty("id").GetString()!);
        }

        var jobs = await JobTimings.TimeAsync(hosts, "job: POST /api/jobs -> completed (copy)", settings.Runs, Request);
        var slower = Math.Max(cut, putMany);
        foreach (var (method, job) in jobs)
        {
            var name = method.ToWireName();
            report.Ratio($"copy job, {name} / slower raw stage (cut, parallel PUT)", job, slower, "<= 1.25", job / slower <= 1.25);
            report.Note($"copy job, {name} / (cut + sequential PUT): 1 = no overlap", job, cut + putOne);
            report.Note($"copy job, {name} / (raw cut and PUT at once)", job, both);
        }

        NoteLambdaOverInProcess("copy job", jobs, report);
    }

    private static async Task ExactAsync(EndToEndSettings settings, List<JobHost> hosts, IAmazonS3 s3, string exactInput, Report report)
    {
        var raw = new RawStages(s3, Bucket, new VideoOptions(), Path.Combine(settings.Work, "raw-e2e"));
        Console.WriteLine($"\n## {settings.ExactSeconds} s 1080p30, exact mode, one overlay per 10 s segment (x264 {new VideoOptions().X264Preset})");
        var texts = Enumerable.Range(1, (settings.ExactSeconds + 9) / 10).Select(i => $"Segment {i}: \"quoted\" 100% — Ünïcode").ToArray();
        var inputUrl = raw.InputUrl((await hosts[0].UploadAsync(exactInput)).Key);
        var encode = await Report.TimeAsync("raw ffmpeg encode: presigned GET URL -> local segments", settings.Runs,
            () => raw.CutAsync(inputUrl, TimeSpan.FromSeconds(settings.ExactSeconds), ReEncodeBoth, TextOverlay.PerSegment(texts)));
        var jobs = await JobTimings.TimeAsync(hosts, "job: POST /api/jobs -> completed (exact + overlay)", settings.Runs, async host => new
        {
            uploadId = (await host.UploadAsync(exactInput)).UploadId, output = "exact", thumbnails = false, overlay = new { mode = "perSegment", texts },
        });
        foreach (var (method, job) in jobs)
        {
            report.Ratio($"exact + overlay job, {method.ToWireName()} / raw encode", job, encode, "<= 1.10", job / encode <= 1.10);
        }

        NoteLambdaOverInProcess("exact + overlay job", jobs, report);
    }

    /// <summary>When both ran in this run: what dispatching through Lambda (Invoke, the emulator, the Processor) costs.</summary>
    private static void NoteLambdaOverInProcess(string job, Dictionary<ProcessingMethod, double> jobs, Report report)
    {
        if (jobs.TryGetValue(ProcessingMethod.Lambda, out var lambda) && jobs.TryGetValue(ProcessingMethod.InProcess, out var inProcess))
        {
            report.Note($"{job}, lambda / in-process (same run, interleaved)", lambda, inProcess);
        }
    }

    /// <summary>
    /// Where an upload's time goes besides the bytes: the same segments stored through the SDK as the job stores them
    /// (emulator settings: no aws-chunked body, checksums only when required), and with the SDK's default checksums
    /// (a CRC32 of every body, as against real S3; aws-chunked bodies cannot be measured here, s3rver cannot read them).
    /// </summary>
    private static async Task ProfileSdkAsync(EndToEndSettings settings, IReadOnlyDictionary<string, string?> configuration, RawStages raw)
    {
        var connection = Connection(configuration);
        var storage = Options.Create(new StorageOptions { BucketName = Bucket });
        using var plain = AwsClientFactory.CreateS3(connection);
        using var checksummed = AwsClientFactory.CreateS3(connection with { RequestChecksumCalculation = RequestChecksumCalculation.WHEN_SUPPORTED });
        await Report.TimeAsync($"SDK PutObject of {raw.Segments.Count} segments, one at a time", settings.Runs,
            () => raw.SdkPutAllAsync(new ObjectStore(plain, connection, storage), "bench/sdk/one/", 1));
        await Report.TimeAsync($"SDK PutObject, {settings.UploadConcurrency} at a time", settings.Runs,
            () => raw.SdkPutAllAsync(new ObjectStore(plain, connection, storage), "bench/sdk/many/", settings.UploadConcurrency));
        await Report.TimeAsync("SDK PutObject, one at a time, CRC32 checksums on", settings.Runs,
            () => raw.SdkPutAllAsync(new ObjectStore(checksummed, connection, storage), "bench/sdk/crc/", 1));
    }

    private static AwsConnection Connection(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return AwsConnection.Resolve(configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions(), configuration);
    }

    private static long Mb(string file) => new FileInfo(file).Length / 1_000_000;
}
