using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The whole flow through the Api, as a browser would drive it: upload to S3, create a job, poll, download.</summary>
public sealed class ApiFlowTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private static readonly HttpClient Browser = new();
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("flow"), AwsBackendFixture.UniqueName("flow"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PresignedPut_Job_CompletesAndEverySegmentDownloadsAsVideo()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        var created = await alice.CreateJobAsync(new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 10 }, output = "copy", thumbnails = true });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("in-process", job.GetProperty("method").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetDouble());
        var segments = job.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(3, segments.Count);
        foreach (var segment in segments)
        {
            await AssertDownloadIsVideoAsync(segment.GetProperty("url").GetString()!, segment.GetProperty("durationSeconds").GetDouble());
            using var thumbnail = await Browser.GetAsync(new Uri(segment.GetProperty("thumbnailUrl").GetString()!), TestContext.Current.CancellationToken);
            Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task MultipartUpload_ThreeOrMoreParts_JobCompletes()
    {
        using var alice = _api.ClientFor("alice");

        var (uploadId, parts) = await alice.UploadMultipartAsync(await videos.H264LargeAsync());
        var created = await alice.CreateJobAsync(new { uploadId, cutting = new { mode = "random", minSeconds = 4, maxSeconds = 8, seed = 3 }, output = "exact" });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.True(parts >= 3, $"{parts} parts");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        foreach (var segment in job.GetProperty("segments").EnumerateArray())
        {
            await AssertDownloadIsVideoAsync(segment.GetProperty("url").GetString()!, segment.GetProperty("durationSeconds").GetDouble());
        }
    }

    [Fact]
    public async Task CreateJob_UploadThatDoesNotExist_Returns404Problem()
    {
        using var alice = _api.ClientFor("alice");

        using var response = await alice.PostAsJsonAsync("/api/jobs", new { uploadId = StorageLayout.NewId() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("upload_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateJob_ObjectThatIsNotAVideo_FailsClearlyAndLeavesNothing()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.NotAVideoAsync());

        var created = await alice.CreateJobAsync(new { uploadId });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("unreadable_input", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("not a video", job.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        using var s3 = backend.CreateS3();
        var left = await s3.ListObjectsV2Async(new() { BucketName = _api.Bucket, Prefix = StorageLayout.JobPrefix(job.GetProperty("id").GetString()!) }, TestContext.Current.CancellationToken);
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task Analyze_UploadedVideo_ReturnsDurationAndThePlan()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        using var response = await alice.PostAsJsonAsync("/api/videos/analyze",
            new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 7 } }, TestContext.Current.CancellationToken);
        var analysis = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, analysis.GetProperty("durationSeconds").GetDouble(), 0.1);
        Assert.Equal("h264", analysis.GetProperty("video").GetProperty("codec").GetString());
        Assert.Equal([0, 7, 14, 21, 28], analysis.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("startSeconds").GetDouble()));
    }

    [Fact]
    public async Task ListJobs_PagesNewestFirstWithAnOpaqueCursor()
    {
        using var carol = _api.ClientFor("carol-" + StorageLayout.NewId()[..6]);
        var uploadId = await carol.UploadAsync(await videos.NoAudioAsync());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await carol.CreateJobAsync(new { uploadId })).GetProperty("id").GetString()!);
        }

        var first = await carol.GetFromJsonAsync<JsonElement>("/api/jobs?limit=2", TestContext.Current.CancellationToken);
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await carol.GetFromJsonAsync<JsonElement>($"/api/jobs?limit=2&cursor={Uri.EscapeDataString(cursor)}", TestContext.Current.CancellationToken);

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(j => j.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
    }

    [Fact]
    public async Task DeleteJob_RemovesTheRecordAndItsObjects()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());
        var id = (await alice.CreateJobAsync(new { uploadId })).GetProperty("id").GetString()!;
        await alice.WaitForJobAsync(id);

        using var deleted = await alice.DeleteAsync(new Uri($"/api/jobs/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var after = await alice.GetAsync(new Uri($"/api/jobs/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        using var s3 = backend.CreateS3();
        var left = await s3.ListObjectsV2Async(new() { BucketName = _api.Bucket, Prefix = StorageLayout.JobPrefix(id) }, TestContext.Current.CancellationToken);
        Assert.Empty(left.S3Objects ?? []);
    }

    private static async Task AssertDownloadIsVideoAsync(string url, double expectedDuration)
    {
        var file = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(file, await Browser.GetByteArrayAsync(new Uri(url), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            Assert.Equal(expectedDuration, await FfprobeReader.VideoDurationAsync(file), 0.01);
            await FfprobeReader.DecodesCleanlyAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
