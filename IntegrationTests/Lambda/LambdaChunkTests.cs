using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>
/// A job longer than a chunk in Lambda mode: the job's invocation of the real Processor splits it and invokes the
/// function once per chunk (through the Lambda emulator, as on AWS); the chunk that finishes last commits.
/// </summary>
// Not beside others: it starts its own Processor process, like the other Lambda classes.
[Collection(NonParallelCollectionDefinition.Name)]
public sealed class LambdaChunkTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private readonly string _bucket = AwsBackendFixture.UniqueName("lambdachunk");
    private readonly string _table = AwsBackendFixture.UniqueName("lambdachunk");
    private LambdaHarness _lambda = null!;
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync()
    {
        await JobServices.CreateResourcesAsync(backend, _bucket, _table);
        _lambda = await LambdaHarness.StartAsync(new Dictionary<string, string?>(LambdaFlowTests.ProcessorEnvironment(backend, _bucket, _table))
        {
            ["Processing__ChunkSeconds"] = "10",
        });
        _api = new ApiFactory(backend, _bucket, _table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["Processing:LambdaPercent"] = "100",
            ["Processing:ChunkSeconds"] = "10",
            ["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.Endpoint.ToString(),
        });
    }

    [Fact]
    public async Task ExactJobLongerThanAChunk_CompletesThroughOneInvocationPerChunk()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        var created = await alice.CreateJobAsync(new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 10 }, output = "exact" });
        var id = created.GetProperty("id").GetString()!;
        var job = await alice.WaitForJobAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal([0, 1, 2], job.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("index").GetInt32()));
        var events = _lambda.Invokes.Select(i => JsonDocument.Parse(i.Payload).RootElement)
            .Where(e => e.TryGetProperty("jobId", out var jobId) && jobId.GetString() == id).ToList();
        Assert.All(_lambda.Invokes, i => Assert.Equal(InvocationType.Event, i.InvocationType));
        Assert.Single(events, e => e.GetProperty("kind").GetString() == "job");
        var chunks = events.Where(e => e.GetProperty("kind").GetString() == "chunk").ToList();
        Assert.Equal([0, 1, 2], chunks.Select(e => e.GetProperty("chunk").GetInt32()).Order());
        Assert.All(chunks, e => Assert.Equal(1, e.GetProperty("attempt").GetInt32()));
        var outcomes = _lambda.Ended.Where(r => !r.Error).Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(b => b.TryGetProperty("jobId", out var jobId) && jobId.GetString() == id)
            .Select(b => b.GetProperty("outcome").GetString()).Order().ToList();
        Assert.Equal(["chunkdone", "chunkdone", "completed", "split"], outcomes);
    }

    [Fact]
    public async Task TwoProcessorInstances_RunTheChunksSideBySide()
    {
        _lambda.StartAnotherProcessor(); // as the AppHost's Processor replicas: two execution environments of one function
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264LargeAsync());
        var store = _api.Services.GetRequiredService<JobStore>();

        var id = (await alice.CreateJobAsync(new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 2 }, output = "exact" }))
            .GetProperty("id").GetString()!;
        var mostAtOnce = 0;
        Job job;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        do
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            job = (await store.GetAsync(id, TestContext.Current.CancellationToken))!;
            mostAtOnce = Math.Max(mostAtOnce, job.Chunks.Count(c => c.Status == ChunkStatus.Processing));
        }
        while (job.Status is JobStatus.Queued or JobStatus.Processing && DateTime.UtcNow < deadline);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(2, job.ChunkCount);
        Assert.Equal(2, mostAtOnce); // an instance runs one invocation at a time: both chunks ran at once, one on each
        Assert.Equal(10, job.Segments.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _lambda.DisposeAsync();
    }
}
