using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The in-process worker under load and across a restart.</summary>
[Collection(AwsCollectionDefinition.Name)]
public sealed class ApiWorkerTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task TenConcurrentJobs_AllComplete()
    {
        await using var api = new ApiFactory(backend, AwsBackendFixture.UniqueName("ten"), AwsBackendFixture.UniqueName("ten"),
            new Dictionary<string, string?> { ["Processing:Concurrency"] = "2" });
        using var client = api.ClientFor("dave");
        var uploadId = await client.UploadAsync(await videos.NoAudioAsync());

        var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.CreateJobAsync(new { uploadId })));
        var finished = await Task.WhenAll(created.Select(j => client.WaitForJobAsync(j.GetProperty("id").GetString()!, TimeSpan.FromMinutes(3))));

        Assert.All(finished, job => Assert.Equal("completed", job.GetProperty("status").GetString()));
        Assert.Equal(10, finished.Select(j => j.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task WorkerStoppedMidQueue_AndStartedAgain_LosesNoJob()
    {
        var bucket = AwsBackendFixture.UniqueName("restart");
        var table = AwsBackendFixture.UniqueName("restart");
        var settings = new Dictionary<string, string?> { ["Processing:Concurrency"] = "1" };
        var ids = new List<string>();
        await using (var first = new ApiFactory(backend, bucket, table, settings))
        {
            using var client = first.ClientFor("erin");
            var uploadId = await client.UploadAsync(await videos.H264Gop2Async());
            for (var i = 0; i < 4; i++)
            {
                ids.Add((await client.CreateJobAsync(new { uploadId, output = "exact" })).GetProperty("id").GetString()!);
            }

            // Stop while the first job is being cut and the others wait in the queue.
        }

        await using var second = new ApiFactory(backend, bucket, table, settings);
        using var again = second.ClientFor("erin");
        var finished = await Task.WhenAll(ids.Select(id => again.WaitForJobAsync(id, TimeSpan.FromMinutes(3))));

        Assert.All(finished, job => Assert.Equal("completed", job.GetProperty("status").GetString()));
    }
}
