using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// The codecs option through the Api: validated, stored, and the job view says per stream what was copied or
/// re-encoded and why; an iPhone-like HEVC upload with codecs=keep comes back as HEVC segments.
/// </summary>
public sealed class JobCodecsTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private static readonly HttpClient Browser = new();
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("codecs"), AwsBackendFixture.UniqueName("codecs"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Keep_IphoneHevc_SegmentsAreHevcAndTheViewSaysBothStreamsWereCopied()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.IphoneHevcAsync(), "video/quicktime");

        var created = await alice.CreateJobAsync(new { uploadId, cutting = new { segmentSeconds = 3 }, codecs = "keep", thumbnails = false });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("keep", job.GetProperty("options").GetProperty("codecs").GetString());
        Assert.Equal((true, "hevc", "hevc", "copied"), Stream(job, "video"));
        Assert.Equal((true, "aac", "aac", "copied"), Stream(job, "audio"));
        Assert.Equal("hevc", await DownloadedVideoCodecAsync(job.GetProperty("segments")[0].GetProperty("url").GetString()!));
    }

    [Fact]
    public async Task Default_IphoneHevc_IsH264AndTheViewSaysWhy()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.IphoneHevcAsync(), "video/quicktime");

        var created = await alice.CreateJobAsync(new { uploadId, cutting = new { segmentSeconds = 3 }, thumbnails = false });
        Assert.Equal(JsonValueKind.Null, created.GetProperty("encoding").ValueKind); // known when the job completes
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("h264", job.GetProperty("options").GetProperty("codecs").GetString());
        Assert.Equal((false, "hevc", "h264", "re-encoded: hevc is not h264 and codecs=h264"), Stream(job, "video"));
        Assert.Equal((false, "aac", "aac", "re-encoded: the video is re-encoded"), Stream(job, "audio"));
        Assert.Equal("h264", await DownloadedVideoCodecAsync(job.GetProperty("segments")[0].GetProperty("url").GetString()!));
    }

    [Theory]
    [InlineData("\"hevc\"")]
    [InlineData("\"\"")]
    public async Task UnknownCodecs_Is400ValidationFailedNamingCodecs(string codecs)
    {
        using var alice = _api.ClientFor("alice");
        using var body = new StringContent($$"""{"uploadId": "0123456789abcdef0123456789abcdef", "codecs": {{codecs}}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), body, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Equal(["codecs"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static (bool Copied, string? InputCodec, string? OutputCodec, string? Decision) Stream(JsonElement job, string stream)
    {
        var view = job.GetProperty("encoding").GetProperty(stream);
        return (view.GetProperty("copied").GetBoolean(), view.GetProperty("inputCodec").GetString(),
            view.GetProperty("outputCodec").GetString(), view.GetProperty("decision").GetString());
    }

    private static async Task<string?> DownloadedVideoCodecAsync(string url)
    {
        var file = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(file, await Browser.GetByteArrayAsync(new Uri(url), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            await FfprobeReader.DecodesCleanlyAsync(file);
            var probe = await FfprobeReader.ProbeAsync(file);
            return probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == "video")
                .GetProperty("codec_name").GetString();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
