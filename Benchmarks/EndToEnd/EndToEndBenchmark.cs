using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.LocalAws;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The "e2e" mode (issue #14): whole jobs as a user waits for them, against the raw stages on the same stored object,
/// in the same run. The Api runs as its own process with the in-process worker, on the embedded emulators; a client
/// uploads each input once, then times POST /api/jobs to the first poll that sees "completed".
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
            $"{settings.Runs} runs per variant (median), Processing:UploadConcurrency={settings.UploadConcurrency}");
        Console.WriteLine($"ffmpeg: {await Inputs.FfmpegVersionAsync()}");
        var copyInput = await Inputs.EnsureAsync(settings.Work, settings.CopySeconds, gopSeconds: 2);
        var exactInput = settings.ExactSeconds > 0 ? await Inputs.EnsureAsync(settings.Work, settings.ExactSeconds, gopSeconds: 2) : null;

        await using var aws = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions(), CancellationToken.None);
        var configuration = new Dictionary<string, string?>(aws.ToConfiguration())
        {
            ["Storage:BucketName"] = Bucket,
            ["Storage:JobsTableName"] = "bench-e2e-jobs",
            ["Storage:BootstrapResources"] = "true",
            ["Uploads:MaxSinglePutBytes"] = (5L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["UserLimits:JobsPerMinute"] = "1000",
            // Time is measured here, not limits: on a loaded machine an exact job can outlast the default encode budget.
            ["Video:Limits:EncodeSecondsPerInputSecond"] = "100",
            ["Processing:UploadConcurrency"] = settings.UploadConcurrency.ToString(CultureInfo.InvariantCulture),
        };
        await using var api = await ApiProcess.StartAsync(settings.ApiDll, configuration, settings.ApiLog);
        using var client = new JobClient(api.BaseAddress);
        await client.SignInAsync("bench");
        var copyUpload = await client.UploadAsync(copyInput);
        var exactUpload = exactInput is null ? default((string, string)?) : await client.UploadAsync(exactInput);

        using var s3 = AwsClientFactory.CreateS3(Connection(configuration));
        var raw = new RawStages(s3, Bucket, new VideoOptions(), Path.Combine(settings.Work, "raw-e2e"));
        var report = new Report();

        Console.WriteLine($"\n## {settings.CopySeconds} s 1080p30 H.264, GOP 2 s ({Mb(copyInput)} MB), 10 s segments, copy mode, no thumbnails");
        var cut = await Report.TimeAsync("raw ffmpeg: presigned GET URL -> local segments", settings.Runs,
            () => raw.CutAsync(raw.InputUrl(copyUpload.Key), TimeSpan.FromSeconds(settings.CopySeconds), CopyBoth, TextOverlay.None));
        var putOne = await Report.TimeAsync($"raw HTTP PUT of {raw.Segments.Count} segments, one at a time", settings.Runs,
            () => raw.PutAllAsync("bench/raw/one/", 1));
        var putMany = await Report.TimeAsync($"raw HTTP PUT of {raw.Segments.Count} segments, {settings.UploadConcurrency} at a time", settings.Runs,
            () => raw.PutAllAsync("bench/raw/many/", settings.UploadConcurrency));
        var second = new RawStages(s3, Bucket, new VideoOptions(), Path.Combine(settings.Work, "raw-e2e-2"));
        var both = await Report.TimeAsync($"raw cut and raw PUT ({settings.UploadConcurrency} at a time) at once, same endpoint", settings.Runs,
            () => Task.WhenAll(
                second.CutAsync(raw.InputUrl(copyUpload.Key), TimeSpan.FromSeconds(settings.CopySeconds), CopyBoth, TextOverlay.None),
                raw.PutAllAsync("bench/raw/both/", settings.UploadConcurrency)));
        await ProfileSdkAsync(settings, configuration, raw);
        var copyJobRequest = new { uploadId = copyUpload.UploadId, output = "copy", thumbnails = false };
        var warmUp = await client.RunJobAsync(copyJobRequest); // the Api's first job pays for JIT and connections: not counted
        await client.DeleteJobAsync(warmUp.Job.GetProperty("id").GetString()!);
        var copyJob = await TimeJobsAsync(api, client, "job: POST /api/jobs -> completed (copy)", settings.Runs,
            copyJobRequest);
        var slower = Math.Max(cut, putMany);
        report.Ratio("copy job / slower raw stage (cut, parallel PUT)", copyJob, slower, "<= 1.25", copyJob / slower <= 1.25);
        report.Note("copy job / (cut + sequential PUT): 1 = no overlap", copyJob, cut + putOne);
        report.Note("copy job / (raw cut and PUT at once)", copyJob, both);

        if (settings.ExactSeconds > 0)
        {
            await ExactAsync(settings, api, client, raw, exactUpload!.Value, report);
        }

        Console.WriteLine();
        report.PrintSummary();
    }

    private static async Task ExactAsync(
        EndToEndSettings settings, ServiceProcess api, JobClient client, RawStages raw, (string UploadId, string Key) exactUpload, Report report)
    {
        Console.WriteLine($"\n## {settings.ExactSeconds} s 1080p30, exact mode, one overlay per 10 s segment (x264 {new VideoOptions().X264Preset})");
        var texts = Enumerable.Range(1, (settings.ExactSeconds + 9) / 10).Select(i => $"Segment {i}: \"quoted\" 100% — Ünïcode").ToArray();
        var encode = await Report.TimeAsync("raw ffmpeg encode: presigned GET URL -> local segments", settings.Runs,
            () => raw.CutAsync(raw.InputUrl(exactUpload.Key), TimeSpan.FromSeconds(settings.ExactSeconds), ReEncodeBoth,
                TextOverlay.PerSegment(texts)));
        var exactJob = await TimeJobsAsync(api, client, "job: POST /api/jobs -> completed (exact + overlay)", settings.Runs, new
        {
            uploadId = exactUpload.UploadId, output = "exact", thumbnails = false, overlay = new { mode = "perSegment", texts },
        });
        report.Ratio("exact + overlay job / raw encode", exactJob, encode, "<= 1.10", exactJob / encode <= 1.10);
    }

    /// <summary>
    /// Runs the job <paramref name="runs"/> times; prints the median wall time, the median time to first segment the job
    /// reports and the peak memory of the Api process (alone, and with its ffmpeg children) over those runs.
    /// </summary>
    private static async Task<double> TimeJobsAsync(ServiceProcess api, JobClient client, string name, int runs, object request)
    {
        var (times, firstSegment) = (new List<double>(), new List<double>());
        var memory = new ProcessTreeMemory(TimeSpan.FromMilliseconds(20), api.ProcessId);
        await using (memory)
        {
            for (var i = 0; i < runs; i++)
            {
                var (elapsed, job) = await client.RunJobAsync(request);
                times.Add(elapsed.TotalSeconds);
                if (job.TryGetProperty("timeToFirstSegmentSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
                {
                    firstSegment.Add(seconds.GetDouble());
                }

                await client.DeleteJobAsync(job.GetProperty("id").GetString()!); // not timed: keeps the emulator's disk small
            }
        }

        var median = Report.Median(name, times);
        if (firstSegment.Count > 0)
        {
            firstSegment.Sort();
            Console.WriteLine($"|   time to first segment (the job's timeToFirstSegmentSeconds) | median {firstSegment[firstSegment.Count / 2],7:0.00} s | " +
                $"runs: {string.Join(", ", firstSegment.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine($"|   peak memory: Api process VmHWM {memory.SelfPeakKb / 1000} MB, Api + ffmpeg children (sum of VmRSS) {memory.TreePeakKb / 1000} MB |");
        return median;
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
