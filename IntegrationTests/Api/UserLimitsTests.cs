using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>Per-user limits: uploads and jobs per minute (rate limiter), jobs queued or processing at once (quota).</summary>
public sealed class UserLimitsTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task UploadsPerMinute_Exceeded_Is429WithRetryAfter_AndOnlyForThatUser()
    {
        await using var api = Api(new() { ["UserLimits:UploadsPerMinute"] = "2" });
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");

        using var first = await StartUploadAsync(alice);
        using var second = await StartUploadAsync(alice);
        using var third = await StartUploadAsync(alice);
        using var others = await StartUploadAsync(bob);

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        await AssertTooManyAsync(third, "rate_limited", maxRetryAfterSeconds: 60);
        Assert.True(others.IsSuccessStatusCode);
    }

    [Fact]
    public async Task JobsPerMinute_Exceeded_Is429()
    {
        await using var api = Api(new() { ["UserLimits:JobsPerMinute"] = "2" });
        using var carol = api.ClientFor("carol");
        var uploadId = await carol.UploadAsync(await videos.NoAudioAsync());

        using var first = await carol.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);
        using var second = await carol.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);
        using var third = await carol.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        await AssertTooManyAsync(third, "rate_limited", maxRetryAfterSeconds: 60);
    }

    [Fact]
    public async Task ActiveJobs_AtTheQuota_NewJobIs429UntilOneEnds()
    {
        // Lambda mode against an emulator with no function instance: jobs stay queued, i.e. active.
        await using var lambda = await LambdaHarness.StartEmulatorAsync();
        await using var api = Api(new()
        {
            ["UserLimits:MaxActiveJobs"] = "1",
            ["Processing:Mode"] = "Lambda",
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Endpoint.ToString(),
        });
        using var dave = api.ClientFor("dave");
        using var erin = api.ClientFor("erin");
        var uploadId = await dave.UploadAsync(await videos.NoAudioAsync());
        var erinsUpload = await erin.UploadAsync(await videos.NoAudioAsync());

        var queued = await dave.CreateJobAsync(new { uploadId });
        using var refused = await dave.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);
        using var othersJob = await erin.PostAsJsonAsync("/api/jobs", new { uploadId = erinsUpload }, TestContext.Current.CancellationToken);
        using var deleted = await dave.DeleteAsync(new Uri($"/api/jobs/{queued.GetProperty("id").GetString()}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = await dave.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);

        Assert.Equal("queued", queued.GetProperty("status").GetString());
        await AssertTooManyAsync(refused, "too_many_active_jobs", maxRetryAfterSeconds: 30);
        Assert.Equal(HttpStatusCode.Accepted, othersJob.StatusCode);
        Assert.True(deleted.IsSuccessStatusCode, deleted.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task UploadBytesPerDay_Exceeded_Is429UntilTheOldestUploadLeavesTheWindow()
    {
        await using var api = Api(new() { ["UserLimits:MaxUploadBytesPerDay"] = "1000000" });
        using var frank = api.ClientFor("frank");
        using var grace = api.ClientFor("grace");
        var file = Path.Combine(Directory.CreateTempSubdirectory("videoaspire-quota-").FullName, "blob.mp4");
        await File.WriteAllBytesAsync(file, new byte[600_000], TestContext.Current.CancellationToken);
        await frank.UploadAsync(file);

        using var over = await StartUploadAsync(frank, 600_000);
        using var within = await StartUploadAsync(frank, 300_000);
        using var others = await StartUploadAsync(grace, 600_000);

        await AssertTooManyAsync(over, "upload_quota_exceeded", maxRetryAfterSeconds: 86_400);
        Assert.InRange(over.Headers.RetryAfter!.Delta!.Value.TotalHours, 23, 24);
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        Assert.Equal(HttpStatusCode.Created, others.StatusCode);
    }

    private ApiFactory Api(Dictionary<string, string?> settings) =>
        new(backend, AwsBackendFixture.UniqueName("limits"), AwsBackendFixture.UniqueName("limits"), settings);

    private static Task<HttpResponseMessage> StartUploadAsync(HttpClient client, long sizeBytes = 1000) =>
        client.PostAsJsonAsync("/api/uploads", new { fileName = "clip.mp4", contentType = "video/mp4", sizeBytes }, TestContext.Current.CancellationToken);

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string code, int maxRetryAfterSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, maxRetryAfterSeconds);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
