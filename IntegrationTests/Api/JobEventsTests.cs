using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
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
        Assert.All(events.SkipLast(1), e => Assert.Contains(e.EventType, (string[])["progress", "segment"]));
        Assert.Equal("done", events[^1].EventType);
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.NotEqual(0, done.GetProperty("segments").GetArrayLength());
        Assert.StartsWith("http", done.GetProperty("segments")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var percents = events.Where(e => e.EventType == "progress").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(percents.Order(), percents); // progress never goes back
    }

    /// <summary>
    /// 30 s cut every 10 s: three segments, the last one's upload held until the test has seen the first two while the
    /// job runs (so "while it runs" does not depend on the machine's speed), through the stream and the job's view.
    /// </summary>
    [Fact]
    public async Task Events_SegmentsStoredWhileTheJobRuns_ArriveBeforeItCompletesEachIndexOnce()
    {
        var lastSegment = new HeldSegmentUploads(backend, firstHeld: 2);
        await using var api = new ApiFactory(backend, AwsBackendFixture.UniqueName("live"), AwsBackendFixture.UniqueName("live"),
            services: lastSegment.Register);
        using var client = api.ClientFor("live-user");
        var uploadId = await client.UploadAsync(await videos.H264Gop2Async());
        var jobId = (await client.CreateJobAsync(new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 10 } })).GetProperty("id").GetString()!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));

        using var response = await client.GetAsync(new Uri($"/api/jobs/{jobId}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<SseItem<string>>();
        JsonElement? whileRunning = null;
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            events.Add(item);
            if (whileRunning is null && events.Count(e => e.EventType == "segment") == 2)
            {
                // Segment 2 cannot be stored yet: the job is still running. Its view lists the two stored so far.
                whileRunning = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/jobs/{jobId}", UriKind.Relative), timeout.Token);
                lastSegment.Release();
            }
        }

        Assert.NotNull(whileRunning);
        Assert.Equal("processing", whileRunning.Value.GetProperty("status").GetString());
        var shown = whileRunning.Value.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal([0, 1], shown.Select(s => s.GetProperty("index").GetInt32()));
        using (var segment = await new HttpClient().GetAsync(new Uri(shown[0].GetProperty("url").GetString()!), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, segment.StatusCode); // the link works while the job runs
        }

        var segmentEvents = events.Where(e => e.EventType == "segment").Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.Equal([0, 1, 2], segmentEvents.Select(s => s.GetProperty("index").GetInt32()).Order());
        Assert.Equal(2, segmentEvents[^1].GetProperty("index").GetInt32());
        Assert.StartsWith("http", segmentEvents[0].GetProperty("thumbnailUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("done", events[^1].EventType);
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal(("completed", 3), (done.GetProperty("status").GetString(), done.GetProperty("segments").GetArrayLength()));
        var stored = (await api.Services.GetRequiredService<IAmazonDynamoDB>().GetItemAsync(
            api.Table, new() { [JobsTableSchema.JobId] = new AttributeValue(jobId) }, true, timeout.Token)).Item;
        Assert.False(stored.ContainsKey(JobsTableSchema.StoredSegments)); // the committed segments took over
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
