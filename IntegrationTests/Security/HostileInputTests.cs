using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Security;

/// <summary>
/// Uploads that are playlists or references, posing as videos: each job ends failed with
/// unsupported_container, nothing is left under the job, and nothing they point to is ever opened.
/// </summary>
public sealed class HostileInputTests(AwsBackendFixture backend, TestVideos videos) : IAsyncDisposable
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("hostile"), AwsBackendFixture.UniqueName("hostile"));
    private readonly LoopbackListener _listener = new();

    [Theory]
    [InlineData("hls", "HLS playlist")]
    [InlineData("hls-local-file", "HLS playlist")]
    [InlineData("dash", "DASH manifest")]
    [InlineData("ffconcat", "concat script")]
    [InlineData("sdp", "SDP")]
    public async Task ReferenceFormatUpload_FailsAsUnsupportedContainer_AndOpensNothing(string kind, string named)
    {
        using var mallory = _api.ClientFor("mallory");
        var file = await HostileFiles.WriteAsync(kind, HostileFiles.For(_listener.Url)[kind]);
        var uploadId = await mallory.UploadAsync(file);

        var created = await mallory.CreateJobAsync(new { uploadId, thumbnails = true });
        var id = created.GetProperty("id").GetString()!;
        var job = await mallory.WaitForJobAsync(id);
        using var analyze = await mallory.PostAsJsonAsync("/api/videos/analyze", new { uploadId }, TestContext.Current.CancellationToken);
        var problem = await analyze.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        using var s3 = backend.CreateS3();
        var left = await s3.ListObjectsV2Async(new() { BucketName = _api.Bucket, Prefix = StorageLayout.JobPrefix(id) }, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // a late connection would still count

        Assert.Equal(0, _listener.Connections);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = job.GetProperty("error");
        Assert.Equal("unsupported_container", error.GetProperty("code").GetString());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(left.S3Objects ?? []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, analyze.StatusCode);
        Assert.Equal("unsupported_container", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SmallFileDeclaringAHugePicture_FailsFastWithLimitsExceeded()
    {
        using var mallory = _api.ClientFor("mallory");
        var uploadId = await mallory.UploadAsync(await videos.HugePictureAsync());

        var created = await mallory.CreateJobAsync(new { uploadId });
        var job = await mallory.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("limits_exceeded", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("8448x8448", job.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealVideo_StillPassesTheAllowlists()
    {
        using var alice = _api.ClientFor("alice");
        var file = Path.Combine(Directory.CreateTempSubdirectory("videoaspire-allowed-").FullName, "ok.mkv");
        await Core.Processes.ProcessRunner.RunAsync(new Core.Processes.ProcessSpec("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", file]),
            null, TestContext.Current.CancellationToken);
        var uploadId = await alice.UploadAsync(file, "video/x-matroska");

        var job = await alice.WaitForJobAsync((await alice.CreateJobAsync(new { uploadId, thumbnails = true })).GetProperty("id").GetString()!);

        Assert.Equal("completed", job.GetProperty("status").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _api.DisposeAsync();
    }
}
