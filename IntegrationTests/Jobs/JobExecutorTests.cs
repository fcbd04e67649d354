using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>One job end to end below the Api: S3 upload in, ffmpeg, segments out, the record in DynamoDB.</summary>
public sealed class JobExecutorTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private readonly string _bucket = AwsBackendFixture.UniqueName("executor");
    private readonly string _table = AwsBackendFixture.UniqueName("executor");
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = JobServices.Build(backend, _bucket, _table);
        await _services.BootstrapAsync(_bucket, _table);
    }

    [Fact]
    public async Task Execute_UploadedVideo_CompletesWithEverySegmentStored()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async(), thumbnails: true);

        var outcome = await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal((JobStatus.Completed, 100.0, 1), (stored.Status, stored.Progress, stored.Attempt));
        Assert.Equal(3, stored.Segments.Count);
        var keys = await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken);
        Assert.Equal(stored.Segments.SelectMany(s => new[] { s.Key, s.ThumbnailKey! }).Order(), keys.Order());
    }

    [Fact]
    public async Task Execute_RecordsDurationSegmentsAndOutcomeMetrics()
    {
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var duration = new MetricCollector<double>(meters, "IntegrationTests", "video.processing.duration");
        using var segments = new MetricCollector<long>(meters, "IntegrationTests", "video.segments.created");
        var job = await QueueJobAsync(await videos.H264Gop2Async());

        await Executor().ExecuteAsync(job.Id, ProcessingMethod.Lambda, TestContext.Current.CancellationToken);

        var measurement = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal("lambda", measurement.Tags["method"]);
        Assert.Equal("completed", measurement.Tags["outcome"]);
        Assert.True(measurement.Value > 0);
        Assert.Equal(3, segments.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Execute_NotAVideo_FailsWithACodeAndLeavesNoObject()
    {
        var job = await QueueJobAsync(await videos.NotAVideoAsync());

        var outcome = await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal("unreadable_input", stored.Error!.Code);
        Assert.Contains("not a video", stored.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_DeliveredTwice_SecondDeliveryIsANoOp()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());

        var first = await Executor().ExecuteAsync(job.Id, ProcessingMethod.Lambda, TestContext.Current.CancellationToken);
        var second = await Executor().ExecuteAsync(job.Id, ProcessingMethod.Lambda, TestContext.Current.CancellationToken);

        Assert.Equal((JobOutcome.Completed, JobOutcome.Skipped), (first, second));
        Assert.Equal(1, (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!.Attempt);
        Assert.Equal(3, (await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Execute_TransientS3AndDynamoDbFaults_AreRetriedAndTheJobCompletes()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());
        var s3Faults = FaultyHttpClientFactory.FirstRequests(3, FaultKind.ServiceUnavailable, IsSegmentPut);
        var dynamoFaults = FaultyHttpClientFactory.FirstRequests(2, FaultKind.DropConnection);
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            s3: AwsClientFactory.CreateS3(backend.Connection, c => c.HttpClientFactory = s3Faults),
            dynamoDb: AwsClientFactory.CreateDynamoDb(backend.Connection, c => c.HttpClientFactory = dynamoFaults));

        var outcome = await faulty.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal((3, 2), (s3Faults.Faults, dynamoFaults.Faults));
        Assert.Equal(3, (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!.Segments.Count);
    }

    [Fact]
    public async Task Execute_PersistentS3Fault_IsTriedMaxAttemptsTimesThenFailsWithNothingLeftBehind()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());
        var secondSegmentAlwaysFails = new FaultyHttpClientFactory(request =>
            IsSegmentPut(request) && request.RequestUri!.AbsolutePath.EndsWith("/0001.mp4", StringComparison.Ordinal)
                ? FaultKind.ServiceUnavailable : FaultKind.None);
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            s3: AwsClientFactory.CreateS3(backend.Connection, c => c.HttpClientFactory = secondSegmentAlwaysFails));
        var executor = faulty.GetRequiredService<JobExecutor>();

        var outcomes = new List<JobOutcome>();
        var afterFirst = (JobStatus.Failed, (string?)null, -1);
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await executor.ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken));
            if (i == 0)
            {
                var queued = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
                afterFirst = (queued.Status, queued.LastError?.Code,
                    (await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken)).Count);
            }
        }

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal([JobOutcome.Retry, JobOutcome.Retry, JobOutcome.Failed, JobOutcome.Skipped], outcomes);
        Assert.Equal((JobStatus.Queued, "storage_error", 0), afterFirst);
        Assert.Equal((JobStatus.Failed, "storage_error", 3), (stored.Status, stored.Error!.Code, stored.Attempt));
        Assert.Equal(3 * backend.Connection.MaxAttempts, secondSegmentAlwaysFails.Faults);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_TransientFaultOutlastingTheSdkRetries_GivesTheJobBackAndTheNextAttemptCompletesAlone()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async(), thumbnails: true);
        // Fails the second segment for one whole attempt (every SDK retry included), then lets it through.
        var faults = FaultyHttpClientFactory.FirstRequests(backend.Connection.MaxAttempts, FaultKind.ServiceUnavailable,
            r => IsSegmentPut(r) && r.RequestUri!.AbsolutePath.EndsWith("/0001.mp4", StringComparison.Ordinal));
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            s3: AwsClientFactory.CreateS3(backend.Connection, c => c.HttpClientFactory = faults));
        var executor = faulty.GetRequiredService<JobExecutor>();

        var first = await executor.ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);
        var second = await executor.ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal((JobOutcome.Retry, JobOutcome.Completed), (first, second));
        Assert.Equal((JobStatus.Completed, 2), (stored.Status, stored.Attempt));
        var keys = await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken);
        Assert.Equal(stored.Segments.SelectMany(s => new[] { s.Key, s.ThumbnailKey! }).Order(), keys.Order());
        Assert.All(keys, k => Assert.StartsWith(StorageLayout.AttemptPrefix(job.Id, 2), k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_CommitAppliedButItsAnswerLost_TheJobStaysCompletedWithItsSegments()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());
        // The COMPLETED write reaches DynamoDB, the answer does not: the SDK retries, and the retry is refused
        // (the job is no longer PROCESSING) although this attempt did complete it.
        var firstCommit = FaultyHttpClientFactory.FirstRequests(1, FaultKind.LoseResponse,
            r => r.Content?.ReadAsStringAsync().GetAwaiter().GetResult().Contains("#status = :completed", StringComparison.Ordinal) == true);
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            dynamoDb: AwsClientFactory.CreateDynamoDb(backend.Connection, c => c.HttpClientFactory = firstCommit));

        var outcome = await faulty.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(1, firstCommit.Faults);
        Assert.Equal((JobOutcome.Completed, JobStatus.Completed), (outcome, stored.Status));
        var keys = await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken);
        Assert.Equal(stored.Segments.Select(s => s.Key).Order(), keys.Order());
    }

    [Fact]
    public async Task Execute_DynamoDbFaultAtCommit_GivesTheJobBackWithATableErrorNotAStorageError()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());
        var commits = new FaultyHttpClientFactory(request =>
            request.Content?.ReadAsStringAsync().GetAwaiter().GetResult().Contains("#status = :completed", StringComparison.Ordinal) == true
                ? FaultKind.ServiceUnavailable : FaultKind.None);
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            dynamoDb: AwsClientFactory.CreateDynamoDb(backend.Connection, c => c.HttpClientFactory = commits));

        var outcome = await faulty.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal((JobOutcome.Retry, JobStatus.Queued, "table_error"), (outcome, stored.Status, stored.LastError?.Code));
        Assert.StartsWith($"The jobs table (DynamoDB) failed: Updating job {job.Id} failed", stored.LastError!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Storing", stored.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_EveryHeartbeatWriteFails_TheJobStillCompletes()
    {
        var job = await QueueJobAsync(await videos.H264LargeAsync(), output: OutputMode.Exact);
        var heartbeats = new FaultyHttpClientFactory(request =>
            request.Content?.ReadAsStringAsync().GetAwaiter().GetResult().Contains("#progress = :progress", StringComparison.Ordinal) == true
                ? FaultKind.ServiceUnavailable : FaultKind.None);
        await using var faulty = JobServices.Build(backend, _bucket, _table,
            dynamoDb: AwsClientFactory.CreateDynamoDb(backend.Connection, c => c.HttpClientFactory = heartbeats));

        var outcome = await faulty.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.True(heartbeats.Faults > 0, "the job ended before its first heartbeat: use a longer input");
        Assert.Equal(JobStatus.Completed, (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Execute_JobTakenOverMidRun_IsLostAndRemovesOnlyItsOwnObjects()
    {
        var job = await QueueJobAsync(await videos.H264LargeAsync(), output: OutputMode.Exact);
        var run = Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);
        await WaitForObjectsAsync(job.Id, run);

        // Another worker takes over (as after a stale heartbeat) and stores its own first segment.
        Assert.True(await Store().ReleaseAsync(job.Id, 1, TestContext.Current.CancellationToken));
        var takeover = (await Store().TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        var theirs = StorageLayout.SegmentKey(job.Id, takeover.Attempt, 0);
        await _services.GetRequiredService<IAmazonS3>().PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = theirs, ContentBody = "new owner's segment" }, TestContext.Current.CancellationToken);

        var outcome = await run;

        Assert.Equal(JobOutcome.Lost, outcome);
        Assert.Equal([theirs], await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_JobDeletedMidRun_IsLostWithNothingLeftBehind()
    {
        var job = await QueueJobAsync(await videos.H264LargeAsync(), output: OutputMode.Exact);
        var run = Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);
        await WaitForObjectsAsync(job.Id, run);

        Assert.True(await Store().DeleteAsync(job.UserId, job.Id, TestContext.Current.CancellationToken));
        var outcome = await run;

        Assert.Equal(JobOutcome.Lost, outcome);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_FailureAfterACrashedAttempt_RemovesEveryAttemptsObjects()
    {
        var job = await QueueJobAsync(await videos.NotAVideoAsync());
        await CrashedAttemptAsync(job);

        var outcome = await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_CompletedAfterACrashedAttempt_RemovesTheCrashedAttemptsObjects()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async());
        await CrashedAttemptAsync(job);

        var outcome = await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Completed, outcome);
        var keys = await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken);
        Assert.Equal(stored.Segments.Select(s => s.Key).Order(), keys.Order());
    }

    [Fact]
    public async Task Execute_CancelledByShutdown_GivesTheJobBackAndRemovesItsObjects()
    {
        var job = await QueueJobAsync(await videos.H264Gop2Async(), output: OutputMode.Exact);
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, shutdown.Token);
        while (!run.IsCompleted && (await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken)).Count == 0)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await shutdown.CancelAsync();
        var outcome = await run;

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal((JobStatus.Queued, 1), (stored.Status, stored.Attempt));
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    /// <summary>An attempt that stored a segment and died without a word (killed): its heartbeat went stale, the job was put back.</summary>
    private async Task CrashedAttemptAsync(Job job)
    {
        var crashed = (await Store().TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        await _services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = StorageLayout.SegmentKey(job.Id, crashed.Attempt, 0), ContentBody = "left by a crashed attempt",
        }, TestContext.Current.CancellationToken);
        Assert.True(await Store().RequeueIfStaleAsync(job.Id, DateTimeOffset.UtcNow.AddMinutes(1), TestContext.Current.CancellationToken));
    }

    private async Task WaitForObjectsAsync(string jobId, Task<JobOutcome> run)
    {
        while ((await Objects().ListKeysAsync(StorageLayout.JobPrefix(jobId), TestContext.Current.CancellationToken)).Count == 0)
        {
            Assert.False(run.IsCompleted, $"the job ended ({(run.IsCompletedSuccessfully ? run.Result : "faulted")}) before it stored anything");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static bool IsSegmentPut(HttpRequestMessage request) =>
        request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/jobs/", StringComparison.Ordinal);

    private JobExecutor Executor() => _services.GetRequiredService<JobExecutor>();

    private JobStore Store() => _services.GetRequiredService<JobStore>();

    private ObjectStore Objects() => _services.GetRequiredService<ObjectStore>();

    private async Task<Job> QueueJobAsync(string file, bool thumbnails = false, OutputMode output = OutputMode.Copy)
    {
        var user = "executor-" + StorageLayout.NewId()[..8];
        var key = StorageLayout.UploadKey(user, StorageLayout.NewId());
        var s3 = _services.GetRequiredService<IAmazonS3>();
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            FilePath = file,
            UseChunkEncoding = backend.Connection.UseChunkEncoding,
        }, TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = StorageLayout.NewId(),
            UserId = user,
            SourceKey = key,
            Options = new JobOptions(CuttingOptions.Fixed(10), output, TextOverlay.None, thumbnails),
            Method = ProcessingMethod.InProcess,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Store().CreateAsync(job, TestContext.Current.CancellationToken);
        return job;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
