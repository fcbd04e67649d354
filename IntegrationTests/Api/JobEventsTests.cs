using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>GET /api/jobs/{id}/events: a job followed over one Server-Sent Events stream, through the real Api.</summary>
public sealed class JobEventsTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task Events_RunningJob_StreamsProgressThenOneDoneWithTheSegments()
    {
        await using var api = new ApiFactory(backend, AwsBackendFixture.UniqueName("sse"), AwsBackendFixture.UniqueName("sse"));
        using var client = api.ClientFor("sse-user");
        var uploadId = await client.UploadAsync(await videos.NoAudioAsync());
        var jobId = (await client.CreateJobAsync(new { uploadId, thumbnails = false })).GetProperty("id").GetString()!;

        using var response = await client.GetAsync(new Uri($"/api/jobs/{jobId}/events", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(events);
        Assert.All(events.SkipLast(1), e => Assert.Equal("progress", e.EventType));
        Assert.Equal("done", events[^1].EventType);
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.NotEqual(0, done.GetProperty("segments").GetArrayLength());
        Assert.StartsWith("http", done.GetProperty("segments")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var percents = events.SkipLast(1).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(percents.Order(), percents); // progress never goes back
    }

    [Fact]
    public async Task Events_AnotherUsersJob_Is404ProblemDetails()
    {
        await using var api = new ApiFactory(backend, AwsBackendFixture.UniqueName("sse404"), AwsBackendFixture.UniqueName("sse404"));
        using var owner = api.ClientFor("owner");
        using var stranger = api.ClientFor("stranger");
        var uploadId = await owner.UploadAsync(await videos.NoAudioAsync());
        var jobId = (await owner.CreateJobAsync(new { uploadId, thumbnails = false })).GetProperty("id").GetString()!;

        using var response = await stranger.GetAsync(new Uri($"/api/jobs/{jobId}/events", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("job_not_found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
