using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>A job longer than a chunk, through the Api's in-process worker: split, chunks run side by side, one job in the view.</summary>
public sealed class ChunkedJobApiTests(AwsBackendFixture backend, TestVideos videos)
{
    private static readonly string[] Texts = ["one", "two", "three", "four", "five", "six"];

    [Fact]
    public async Task ExactJobLongerThanAChunk_RunsAsChunksOnTheWorker_AndCompletesAsOneJob()
    {
        await using var api = new ApiFactory(backend, AwsBackendFixture.UniqueName("chunkapi"), AwsBackendFixture.UniqueName("chunkapi"),
            new Dictionary<string, string?> { ["Processing:Concurrency"] = "2", ["Processing:ChunkSeconds"] = "10" });
        using var client = api.ClientFor("chunky");
        var uploadId = await client.UploadAsync(await videos.H264Gop2Async());

        var created = await client.CreateJobAsync(new
        {
            uploadId,
            cutting = new { mode = "fixed", segmentSeconds = 5 },
            output = "exact",
            overlay = new { mode = "perSegment", texts = Texts },
        });
        var id = created.GetProperty("id").GetString()!;
        var progress = new List<double>();
        JsonElement job;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken);
            progress.Add(job.GetProperty("progress").GetDouble());
        }
        while (job.GetProperty("status").GetString() is "queued" or "processing" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var segments = job.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], segments.Select(s => s.GetProperty("index").GetInt32()));
        Assert.Equal([0.0, 5, 10, 15, 20, 25], segments.Select(s => Math.Round(s.GetProperty("startSeconds").GetDouble())));
        Assert.Equal(progress.Order(), progress); // the chunks' progress adds up: it never goes back
        using var browser = new HttpClient();
        foreach (var segment in segments)
        {
            var bytes = await browser.GetByteArrayAsync(new Uri(segment.GetProperty("url").GetString()!), TestContext.Current.CancellationToken);
            Assert.Equal(segment.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        }
    }
}
