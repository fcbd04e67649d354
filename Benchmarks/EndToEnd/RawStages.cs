using Amazon.S3;
using Amazon.S3.Model;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The stages of a job done by hand on the same stored object, with nothing around them: ffmpeg reading the presigned
/// GET URL and cutting (the pipeline's own command line) into a local folder, and plain HTTP PUTs of the produced
/// segments to presigned PUT URLs of the same S3 endpoint.
/// </summary>
internal sealed class RawStages(IAmazonS3 s3, string bucket, VideoOptions options, string folder)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>The segments the last cut produced, in order.</summary>
    public IReadOnlyList<string> Segments => [.. Directory.GetFiles(folder, "segment-*.mp4").Order(StringComparer.Ordinal)];

    public string InputUrl(string key) => s3.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = bucket, Key = key, Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddHours(6), Protocol = Protocol.HTTP,
    });

    /// <summary>
    /// The cutting pass the pipeline runs for this input (<see cref="FfmpegCommands.Segment"/>), reading the URL; with an
    /// overlay, its filter script and text files are written first, as the pipeline does. No probe: the duration is known.
    /// </summary>
    public async Task CutAsync(string url, TimeSpan duration, EncodingPlan encoding, TextOverlay overlay)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var plan = SegmentPlanner.Plan(duration, CuttingOptions.Fixed(10));
        if (!encoding.CopyVideo)
        {
            string TextFile(int i) => Path.Combine(folder, $"text-{i:D4}.txt");
            foreach (var segment in plan)
            {
                await File.WriteAllTextAsync(TextFile(segment.Index), overlay.TextFor(segment.Index));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, FfmpegCommands.VideoFilterScript),
                FfmpegCommands.VideoFilters(plan, overlay, options.FontFile, TextFile));
        }

        await ProcessRunner.RunAsync(new ProcessSpec(options.FfmpegPath,
            FfmpegCommands.Segment(url, duration, plan, encoding, options, folder)), null, CancellationToken.None);
    }

    /// <summary>
    /// Stores every segment of the last cut through <see cref="ObjectStore.PutStreamAsync"/> (what the job uses) on the
    /// given store, at most <paramref name="parallelism"/> at a time: the SDK's own cost against the plain PUTs.
    /// </summary>
    public async Task SdkPutAllAsync(ObjectStore store, string prefix, int parallelism) =>
        await Parallel.ForEachAsync(Segments.Index(), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, ct) =>
        {
            await using var file = File.OpenRead(item.Item);
            await store.PutStreamAsync($"{prefix}{item.Index:D4}.mp4", file, "video/mp4", ct);
        });

    /// <summary>PUTs every segment of the last cut under <paramref name="prefix"/>, at most <paramref name="parallelism"/> at a time.</summary>
    public async Task PutAllAsync(string prefix, int parallelism)
    {
        var files = Segments;
        await Parallel.ForEachAsync(files.Index(), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, ct) =>
        {
            var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest
            {
                BucketName = bucket, Key = $"{prefix}{item.Index:D4}.mp4", Verb = HttpVerb.PUT, ContentType = "video/mp4",
                Expires = DateTime.UtcNow.AddHours(1), Protocol = Protocol.HTTP,
            });
            await using var stream = File.OpenRead(item.Item);
            using var content = new StreamContent(stream);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("video/mp4");
            using var response = await Http.PutAsync(new Uri(url), content, ct);
            response.EnsureSuccessStatusCode();
        });
    }
}
