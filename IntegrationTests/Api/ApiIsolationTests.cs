using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>Every upload, job and object belongs to one caller: another caller gets 404, never the data.</summary>
public sealed class ApiIsolationTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("isolation"), AwsBackendFixture.UniqueName("isolation"));
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;
    private string _aliceUpload = "";
    private string _aliceJob = "";

    public async ValueTask InitializeAsync()
    {
        _alice = _api.ClientFor("alice");
        _bob = _api.ClientFor("bob");
        _aliceUpload = await _alice.UploadAsync(await videos.NoAudioAsync());
        _aliceJob = (await _alice.CreateJobAsync(new { uploadId = _aliceUpload })).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Bob_CannotSeeAlicesJob()
    {
        using var response = await _bob.GetAsync(new Uri($"/api/jobs/{_aliceJob}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bob_CannotDeleteAlicesJob()
    {
        using var response = await _bob.DeleteAsync(new Uri($"/api/jobs/{_aliceJob}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var stillThere = await _alice.GetAsync(new Uri($"/api/jobs/{_aliceJob}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Bob_CannotCutAlicesUpload()
    {
        using var create = await _bob.PostAsJsonAsync("/api/jobs", new { uploadId = _aliceUpload }, TestContext.Current.CancellationToken);
        using var analyze = await _bob.PostAsJsonAsync("/api/videos/analyze", new { uploadId = _aliceUpload }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, analyze.StatusCode);
    }

    [Fact]
    public async Task Bob_DoesNotSeeAlicesJobsInHisList_NorWithHerCursor()
    {
        var bobs = await _bob.GetFromJsonAsync<JsonElement>("/api/jobs", TestContext.Current.CancellationToken);
        var alices = await _alice.GetFromJsonAsync<JsonElement>("/api/jobs?limit=1", TestContext.Current.CancellationToken);
        await _alice.CreateJobAsync(new { uploadId = _aliceUpload });
        var alicesCursor = (await _alice.GetFromJsonAsync<JsonElement>("/api/jobs?limit=1", TestContext.Current.CancellationToken))
            .GetProperty("nextCursor").GetString()!;

        using var stolenCursor = await _bob.GetAsync(new Uri($"/api/jobs?cursor={Uri.EscapeDataString(alicesCursor)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(bobs.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == _aliceJob);
        Assert.NotEmpty(alices.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, stolenCursor.StatusCode);
    }

    [Fact]
    public async Task Bob_CannotCompleteAlicesMultipartUpload()
    {
        var ct = TestContext.Current.CancellationToken;
        using var start = await _alice.PostAsJsonAsync("/api/uploads/multipart", new { fileName = "a.mp4", contentType = "video/mp4", sizeBytes = 6_000_000 }, ct);
        var upload = await start.Content.ReadFromJsonAsync<JsonElement>(ct);

        using var complete = await _bob.PostAsJsonAsync($"/api/uploads/multipart/{upload.GetProperty("uploadId").GetString()}/complete",
            new { multipartUploadId = upload.GetProperty("multipartUploadId").GetString(), parts = new[] { new { partNumber = 1, eTag = "\"x\"" } } }, ct);

        // S3 binds an upload id to its key, so under Bob's key Alice's upload id does not exist.
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Equal("application/problem+json", complete.Content.Headers.ContentType?.MediaType);
        using var bobsJob = await _bob.PostAsJsonAsync("/api/jobs", new { uploadId = upload.GetProperty("uploadId").GetString() }, ct);
        Assert.Equal(HttpStatusCode.NotFound, bobsJob.StatusCode);
    }

    [Fact]
    public async Task UserWhoseIdIsAnotherUsersHashedFolder_CannotReachTheirUploads()
    {
        const string carol = "carol smith@example.com"; // not a plain segment: stored under a hashed folder
        using var carolClient = _api.ClientFor(carol);
        using var impostor = _api.ClientFor(StorageLayout.UserSegment(carol).Replace(StorageLayout.HashedPrefix, "h-", StringComparison.Ordinal));
        using var literal = _api.ClientFor(StorageLayout.UserSegment(carol)[1..]);
        var upload = await carolClient.UploadAsync(await videos.NoAudioAsync());

        using var asImpostor = await impostor.PostAsJsonAsync("/api/jobs", new { uploadId = upload }, TestContext.Current.CancellationToken);
        using var asLiteral = await literal.PostAsJsonAsync("/api/jobs", new { uploadId = upload }, TestContext.Current.CancellationToken);
        using var asCarol = await carolClient.PostAsJsonAsync("/api/jobs", new { uploadId = upload }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, asImpostor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asLiteral.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, asCarol.StatusCode);
    }

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/uploads")]
    public async Task TokenWithAnEmptySubject_Is401(string path)
    {
        using var nobody = _api.ClientFor("");

        using var response = path == "/api/jobs"
            ? await nobody.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken)
            : await nobody.PostAsJsonAsync(path, new { fileName = "a.mp4", contentType = "video/mp4", sizeBytes = 10 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _api.DisposeAsync();
    }
}
