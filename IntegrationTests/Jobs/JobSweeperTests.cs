using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>The sweep against real DynamoDB and S3: stranded jobs found through the unfinished index and acted on once.</summary>
public sealed class JobSweeperTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly JobStore _store;
    private readonly JobSweeper _sweeper;
    private readonly string _bucket = AwsBackendFixture.UniqueName("sweep");
    private readonly string _table = AwsBackendFixture.UniqueName("sweep");
    private readonly List<string> _dispatched = [];

    private readonly AwsBackendFixture _backend;

    public JobSweeperTests(AwsBackendFixture backend)
    {
        _backend = backend;
        _services = JobServices.Build(backend, _bucket, _table, timeProvider: _clock);
        _store = _services.GetRequiredService<JobStore>();
        _sweeper = _services.GetRequiredService<JobSweeper>();
    }

    public async ValueTask InitializeAsync() => await _services.BootstrapAsync(_bucket, _table);

    [Fact]
    public async Task StrandedQueuedJob_IsDispatchedAgainOnceThenLeftToItsNewDispatch()
    {
        var job = await CreateAsync(ProcessingMethod.Lambda);

        var tooEarly = await SweepAsync(ProcessingMethod.Lambda);
        _clock.Advance(Grace + TimeSpan.FromSeconds(1));
        var stranded = await SweepAsync(ProcessingMethod.Lambda);
        var again = await SweepAsync(ProcessingMethod.Lambda);

        Assert.Equal((0, 1, 0), (tooEarly.Redispatched, stranded.Redispatched, again.Redispatched));
        Assert.Equal([job.Id], _dispatched);
    }

    [Fact]
    public async Task StaleProcessingJob_IsPutBackAndDispatchedAgain_ALiveOneIsLeftAlone()
    {
        var dead = await CreateAsync(ProcessingMethod.Lambda);
        var alive = await CreateAsync(ProcessingMethod.Lambda);
        await _store.TryClaimAsync(dead.Id, TestContext.Current.CancellationToken);
        await _store.TryClaimAsync(alive.Id, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await _store.ReportProgressAsync(alive.Id, 1, JobStages.Cutting, 40, TestContext.Current.CancellationToken));

        var result = await SweepAsync(ProcessingMethod.Lambda);

        Assert.Equal(1, result.Redispatched);
        Assert.Equal([dead.Id], _dispatched);
        Assert.Equal(JobStatus.Queued, (await _store.GetAsync(dead.Id, TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(JobStatus.Processing, (await _store.GetAsync(alive.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task JobOutOfAttempts_IsFailedWithItsLastErrorAndEveryObjectRemoved()
    {
        var job = await CreateAsync(ProcessingMethod.InProcess);
        for (var attempt = 1; attempt <= _store.MaxAttempts; attempt++)
        {
            await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken);
            await _services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket, Key = StorageLayout.SegmentKey(job.Id, attempt, 0), ContentBody = $"attempt {attempt}",
            }, TestContext.Current.CancellationToken);
            if (attempt < _store.MaxAttempts)
            {
                await _store.ReleaseAsync(job.Id, attempt, TestContext.Current.CancellationToken, new JobError("storage_error", "S3 said 503"));
            }
        }

        _clock.Advance(TimeSpan.FromMinutes(3)); // the last attempt died: killed, no word

        var result = await SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero);

        var stored = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal((0, 1), (result.Redispatched, result.Failed));
        Assert.Empty(_dispatched);
        Assert.Equal((JobStatus.Failed, "storage_error"), (stored.Status, stored.Error!.Code));
        Assert.Contains("tried 3 times", stored.Error.Message, StringComparison.Ordinal);
        Assert.Contains("S3 said 503", stored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await _services.GetRequiredService<ObjectStore>().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FullQueue_StopsTheSweep_TheRestWaitForTheNextOne()
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            jobs.Add(await CreateAsync(ProcessingMethod.InProcess));
        }

        var takesOne = await _sweeper.SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero,
            (job, _) => Task.FromResult(_dispatched.Count == 0 && Add(job)), null, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = await SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero);

        Assert.Equal(1, takesOne.Redispatched);
        Assert.Equal(3, next.Redispatched);
        Assert.Equal(jobs.Select(j => j.Id).Prepend(jobs[0].Id), _dispatched);
    }

    [Fact]
    public async Task JobsHeldHere_AreLeftAlone()
    {
        var held = await CreateAsync(ProcessingMethod.InProcess);
        var stranded = await CreateAsync(ProcessingMethod.InProcess);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await _sweeper.SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero, (job, _) => Task.FromResult(Add(job)), id => id == held.Id,
            TestContext.Current.CancellationToken);

        Assert.Equal([stranded.Id], _dispatched);
    }

    [Fact]
    public async Task FailureQueueRecord_FailsAJobOutOfTries_LeavesOneWithTriesLeftAndALiveOneAlone()
    {
        var given = await CreateAsync(ProcessingMethod.Lambda);
        for (var attempt = 1; attempt <= _store.MaxAttempts; attempt++)
        {
            await _store.TryClaimAsync(given.Id, TestContext.Current.CancellationToken);
            await _store.ReleaseAsync(given.Id, attempt, TestContext.Current.CancellationToken, new JobError("storage_error", "S3 said 503"));
        }

        var triesLeft = await CreateAsync(ProcessingMethod.Lambda);
        var live = await CreateAsync(ProcessingMethod.Lambda);
        await _store.TryClaimAsync(live.Id, TestContext.Current.CancellationToken);
        var sqsEvent = $$"""
            {"Records":[
              {"eventSource":"aws:sqs","body":{{Quote(FailureRecord(given.Id))}}},
              {"eventSource":"aws:sqs","body":{{Quote(FailureRecord(triesLeft.Id))}}},
              {"eventSource":"aws:sqs","body":{{Quote(FailureRecord(live.Id))}}},
              {"eventSource":"aws:sqs","body":"not json"}]}
            """;

        Assert.True(FailureRecords.TryParse(System.Text.Encoding.UTF8.GetBytes(sqsEvent), out var records));
        var failed = new List<bool>();
        foreach (var record in records)
        {
            failed.Add(await _sweeper.GiveUpAsync(record.JobId, record.Reason, TestContext.Current.CancellationToken));
        }

        var stored = (await _store.GetAsync(given.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal([true, false, false], failed);
        Assert.Equal("storage_error", stored.Error!.Code);
        Assert.Contains("RetriesExhausted: Task timed out", stored.Error.Message, StringComparison.Ordinal);
        Assert.Contains("S3 said 503", stored.Error.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Queued, (await _store.GetAsync(triesLeft.Id, TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(JobStatus.Processing, (await _store.GetAsync(live.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task SweepAndDiagnosticsReads_QueryIndexes_NeverScanTheTable()
    {
        await CreateAsync(ProcessingMethod.InProcess);
        var operations = new System.Collections.Concurrent.ConcurrentBag<string>();
        var recording = new FaultyHttpClientFactory(request =>
        {
            operations.Add(request.Headers.TryGetValues("X-Amz-Target", out var target) ? target.Single() : "?");
            return FaultKind.None;
        });
        await using var services = JobServices.Build(_backend, _bucket, _table, timeProvider: _clock,
            dynamoDb: Core.Aws.AwsClientFactory.CreateDynamoDb(_backend.Connection, c => c.HttpClientFactory = recording));
        _clock.Advance(TimeSpan.FromSeconds(1));

        await services.GetRequiredService<JobSweeper>().SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero,
            (job, _) => Task.FromResult(Add(job)), null, TestContext.Current.CancellationToken);
        await services.GetRequiredService<JobStore>().ListFinishedSinceAsync(ProcessingMethod.InProcess, _clock.GetUtcNow().AddDays(-1), 100,
            TestContext.Current.CancellationToken);

        Assert.Single(_dispatched);
        Assert.Contains("DynamoDB_20120810.Query", operations);
        Assert.DoesNotContain("DynamoDB_20120810.Scan", operations);
    }

    private static string FailureRecord(string jobId) => $$$"""
        {"version":"1.0","requestContext":{"condition":"RetriesExhausted","approximateInvokeCount":3},
         "requestPayload":{"version":1,"kind":"job","jobId":"{{{jobId}}}"},
         "responsePayload":{"errorMessage":"Task timed out after 900.00 seconds"}}
        """;

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    private bool Add(Job job)
    {
        _dispatched.Add(job.Id);
        return true;
    }

    private Task<SweepResult> SweepAsync(ProcessingMethod method, TimeSpan? grace = null) =>
        _sweeper.SweepAsync(method, grace ?? Grace, (job, _) => Task.FromResult(Add(job)), null, TestContext.Current.CancellationToken);

    private async Task<Job> CreateAsync(ProcessingMethod method)
    {
        var job = JobStoreTests.NewJob("sweep-user", _clock.GetUtcNow(), method);
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        return job;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
