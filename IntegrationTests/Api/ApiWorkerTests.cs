using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The in-process worker under load and across a restart.</summary>
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
        await using var direct = JobServices.Build(backend, bucket, table);
        var store = direct.GetRequiredService<JobStore>();
        var objects = direct.GetRequiredService<ObjectStore>();
        var ids = new List<string>();
        string running;
        await using (var first = new ApiFactory(backend, bucket, table, settings))
        {
            using var client = first.ClientFor("erin");
            var uploadId = await client.UploadAsync(await videos.H264Gop2Async());
            for (var i = 0; i < 4; i++)
            {
                ids.Add((await client.CreateJobAsync(new { uploadId, output = "exact" })).GetProperty("id").GetString()!);
            }

            // Stop while a job is being cut (it has stored a segment) and the others wait in the queue.
            running = await WaitForStoredObjectsAsync(objects, ids);
        }

        // Read right after shutdown, before anything restarts: the shutdown gave the running job back
        // (QUEUED, its try returned, its objects removed). Without that release it would stay PROCESSING
        // until a stale takeover, which the restart below would hide.
        var released = (await store.GetAsync(running, TestContext.Current.CancellationToken))!;
        Assert.Equal((JobStatus.Queued, 1, 0), (released.Status, released.Attempt, released.Tries));
        foreach (var id in ids)
        {
            Assert.Equal(JobStatus.Queued, (await store.GetAsync(id, TestContext.Current.CancellationToken))!.Status);
            Assert.Empty(await objects.ListKeysAsync(StorageLayout.JobPrefix(id), TestContext.Current.CancellationToken));
        }

        await using var second = new ApiFactory(backend, bucket, table, settings);
        using var again = second.ClientFor("erin");
        var finished = await Task.WhenAll(ids.Select(id => again.WaitForJobAsync(id, TimeSpan.FromMinutes(3))));

        Assert.All(finished, job => Assert.Equal("completed", job.GetProperty("status").GetString()));
    }

    /// <summary>The first of <paramref name="ids"/> with an object under its prefix, i.e. a job mid-run.</summary>
    private static async Task<string> WaitForStoredObjectsAsync(ObjectStore objects, IReadOnlyList<string> ids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            foreach (var id in ids)
            {
                if ((await objects.ListKeysAsync(StorageLayout.JobPrefix(id), TestContext.Current.CancellationToken)).Count > 0)
                {
                    return id;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no job stored anything within 2 minutes");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
