using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>The job store against real DynamoDB: every transition conditional, no lost update.</summary>
public sealed class JobStoreTests : IAsyncLifetime
{
    private static readonly JobEncoding Copied = new(StreamEncoding.Copied("h264"), StreamEncoding.Copied("aac"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly JobStore _store;
    private readonly string _bucket = AwsBackendFixture.UniqueName("store");
    private readonly string _table = AwsBackendFixture.UniqueName("store");

    public JobStoreTests(AwsBackendFixture backend)
    {
        _services = JobServices.Build(backend, _bucket, _table, timeProvider: _clock);
        _store = _services.GetRequiredService<JobStore>();
    }

    public async ValueTask InitializeAsync() => await _services.BootstrapAsync(_bucket, _table);

    internal static Job NewJob(string user, DateTimeOffset createdAt, ProcessingMethod method = ProcessingMethod.InProcess) => new()
    {
        Id = StorageLayout.NewId(),
        UserId = user,
        SourceKey = StorageLayout.UploadKey(user, StorageLayout.NewId()),
        Options = new JobOptions(CuttingOptions.Random(2, 4, 7), OutputMode.Exact,
            TextOverlay.PerSegment(["a", "b"], new OverlayStyle { Color = "#FFAA00", Position = OverlayPosition.Top }), Thumbnails: true),
        Method = method,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    [Fact]
    public async Task Create_ThenGet_RoundTripsTheJob()
    {
        var job = NewJob("alice", _clock.GetUtcNow());

        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        var stored = await _store.GetAsync(job.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(stored);
        Assert.Equal(JsonSerializer.Serialize(job.Options, JobJson.Options), JsonSerializer.Serialize(stored.Options, JobJson.Options));
        Assert.Equal(job.Options.Cutting, stored.Options.Cutting);
        Assert.Equal((JobStatus.Queued, JobStages.Queued, 0, job.CreatedAt), (stored.Status, stored.Stage, stored.Attempt, stored.CreatedAt));
        Assert.Equal(job.SourceKey, stored.SourceKey);
    }

    [Fact]
    public async Task Create_SameIdTwice_IsRejected()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _store.CreateAsync(job, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryClaim_TenAtOnce_ExactlyOneWins()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken)));

        var winner = Assert.Single(claims, c => c is not null);
        Assert.Equal((JobStatus.Processing, 1), (winner!.Status, winner.Attempt));
    }

    [Fact]
    public async Task OldAttempt_AfterRelease_CannotWriteProgressOrComplete()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        var first = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.True(await _store.ReleaseAsync(job.Id, first.Attempt, TestContext.Current.CancellationToken));
        var second = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;

        var staleProgress = await _store.ReportProgressAsync(job.Id, first.Attempt, JobStages.Cutting, 50, TestContext.Current.CancellationToken);
        var staleComplete = await _store.CompleteAsync(job.Id, first.Attempt, [], 30, Copied, TestContext.Current.CancellationToken);
        var currentProgress = await _store.ReportProgressAsync(job.Id, second.Attempt, JobStages.Cutting, 40, TestContext.Current.CancellationToken);

        Assert.Equal(2, second.Attempt);
        Assert.False(staleProgress);
        Assert.False(staleComplete);
        Assert.True(currentProgress);
        Assert.Equal(40, (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!.Progress);
    }

    [Fact]
    public async Task Complete_ThenFail_FailIsRefusedAndSegmentsStay()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        var claimed = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        JobSegment[] segments = [new(0, 0, 10, 1234, StorageLayout.SegmentKey(job.Id, 1, 0), null)];

        Assert.True(await _store.CompleteAsync(job.Id, claimed.Attempt, segments, 10, Copied, TestContext.Current.CancellationToken));
        Assert.False(await _store.FailAsync(job.Id, claimed.Attempt, new JobError("late", "too late"), TestContext.Current.CancellationToken));
        var stored = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal((JobStatus.Completed, 100.0, 10.0), (stored.Status, stored.Progress, stored.InputDurationSeconds));
        Assert.Equal(segments, stored.Segments);
        Assert.Equal(Copied, stored.Encoding);
        Assert.Null(stored.Error);
    }

    [Fact]
    public async Task Fail_QueuedJobWithoutAttempt_RecordsTheError()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);

        Assert.True(await _store.FailAsync(job.Id, null, new JobError("dispatch_failed", "no worker"), TestContext.Current.CancellationToken));
        var stored = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal(new JobError("dispatch_failed", "no worker"), stored.Error);
        Assert.Null(await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RequeueIfStale_OnlyTakesOverJobsWithoutARecentHeartbeat()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken);

        var whileFresh = await _store.RequeueIfStaleAsync(job.Id, _clock.GetUtcNow().AddMinutes(-2), TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var whenStale = await _store.RequeueIfStaleAsync(job.Id, _clock.GetUtcNow().AddMinutes(-2), TestContext.Current.CancellationToken);

        Assert.False(whileFresh);
        Assert.True(whenStale);
        Assert.Equal(JobStatus.Queued, (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task ListForUser_PagesNewestFirstAndShowsOnlyTheirJobs()
    {
        var user = StorageLayout.NewId();
        var created = new List<Job>();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            created.Add(NewJob(user, _clock.GetUtcNow()));
            await _store.CreateAsync(created[^1], TestContext.Current.CancellationToken);
        }

        await _store.CreateAsync(NewJob("someone-else", _clock.GetUtcNow()), TestContext.Current.CancellationToken);

        var first = await _store.ListForUserAsync(user, 2, null, TestContext.Current.CancellationToken);
        var second = await _store.ListForUserAsync(user, 2, first.Next, TestContext.Current.CancellationToken);
        var third = await _store.ListForUserAsync(user, 2, second.Next, TestContext.Current.CancellationToken);

        var expected = created.Select(j => j.Id).Reverse().ToList();
        Assert.Equal(expected, first.Jobs.Concat(second.Jobs).Concat(third.Jobs).Select(j => j.Id));
        Assert.Single(third.Jobs);
    }

    [Fact]
    public async Task Delete_ByAnotherUser_IsRefused()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);

        Assert.False(await _store.DeleteAsync("mallory", job.Id, TestContext.Current.CancellationToken));
        Assert.True(await _store.DeleteAsync("alice", job.Id, TestContext.Current.CancellationToken));
        Assert.Null(await _store.GetAsync(job.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListUnfinished_ReturnsQueuedAndProcessingOfOneMethod()
    {
        var queued = NewJob("u", _clock.GetUtcNow());
        var processing = NewJob("u", _clock.GetUtcNow());
        var done = NewJob("u", _clock.GetUtcNow());
        var lambda = NewJob("u", _clock.GetUtcNow(), ProcessingMethod.Lambda);
        foreach (var job in new[] { queued, processing, done, lambda })
        {
            await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        }

        await _store.TryClaimAsync(processing.Id, TestContext.Current.CancellationToken);
        var claimed = await _store.TryClaimAsync(done.Id, TestContext.Current.CancellationToken);
        await _store.CompleteAsync(done.Id, claimed!.Attempt, [], 1, Copied, TestContext.Current.CancellationToken);

        var ids = (await _store.ListUnfinishedIdsAsync(ProcessingMethod.InProcess, TestContext.Current.CancellationToken)).ToHashSet();
        Assert.Contains(queued.Id, ids);
        Assert.Contains(processing.Id, ids);
        Assert.DoesNotContain(done.Id, ids);
        Assert.DoesNotContain(lambda.Id, ids);
    }

    [Fact]
    public async Task Claim_ProcessingJob_IsTakenOverOnlyOnceItsHeartbeatIsStale()
    {
        var job = NewJob("alice", _clock.GetUtcNow(), ProcessingMethod.Lambda);
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        var first = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;

        _clock.Advance(TimeSpan.FromMinutes(1));
        var whileAlive = await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(2)); // past Processing:StaleAfter (2 min) since the last heartbeat
        var whenStale = await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken);

        Assert.Null(whileAlive);
        Assert.Equal((JobStatus.Processing, first.Attempt + 1), (whenStale!.Status, whenStale.Attempt));
        Assert.False(await _store.ReportProgressAsync(job.Id, first.Attempt, JobStages.Cutting, 50, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Claim_AfterMaxAttempts_IsRefused()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        for (var attempt = 1; attempt <= _store.MaxAttempts; attempt++)
        {
            var claimed = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
            Assert.Equal(attempt, claimed.Attempt);
            Assert.True(await _store.ReleaseAsync(job.Id, attempt, TestContext.Current.CancellationToken, new JobError("storage_error", $"try {attempt}")));
        }

        var stored = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Null(await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken));
        Assert.Equal((JobStatus.Queued, "storage_error", $"try {_store.MaxAttempts}"), (stored.Status, stored.LastError!.Code, stored.LastError.Message));
    }

    [Fact]
    public async Task ReleaseAtShutdown_GivesTheTryBack_ATransientFailureDoesNot()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        for (var i = 0; i < 2 * _store.MaxAttempts; i++) // a rolling deploy, many times over
        {
            var claimed = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
            Assert.True(await _store.ReleaseAsync(job.Id, claimed.Attempt, TestContext.Current.CancellationToken));
        }

        var afterShutdowns = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        var claim = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        await _store.ReleaseAsync(job.Id, claim.Attempt, TestContext.Current.CancellationToken, new JobError("storage_error", "503"));
        var afterFailure = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal((0, 2 * _store.MaxAttempts), (afterShutdowns.Tries, afterShutdowns.Attempt));
        Assert.Equal((1, 2 * _store.MaxAttempts + 1), (afterFailure.Tries, afterFailure.Attempt));
    }

    [Fact]
    public async Task FinishedJobs_LeaveTheUnfinishedIndexAndExpireAfterTheRetention()
    {
        var completed = NewJob("alice", _clock.GetUtcNow());
        var failed = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(completed, TestContext.Current.CancellationToken);
        await _store.CreateAsync(failed, TestContext.Current.CancellationToken);
        var claimed = (await _store.TryClaimAsync(completed.Id, TestContext.Current.CancellationToken))!;
        Assert.True(await _store.CompleteAsync(completed.Id, claimed.Attempt, [], 1, Copied, TestContext.Current.CancellationToken));
        Assert.True(await _store.FailAsync(failed.Id, null, new JobError("dispatch_failed", "no worker"), TestContext.Current.CancellationToken));

        var dynamoDb = _services.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>();
        foreach (var id in new[] { completed.Id, failed.Id })
        {
            var item = (await dynamoDb.GetItemAsync(_table, new() { [JobsTableSchema.JobId] = new AttributeValue(id) }, TestContext.Current.CancellationToken)).Item;
            Assert.False(item.ContainsKey(JobsTableSchema.Unfinished));
            Assert.Equal((_clock.GetUtcNow() + TimeSpan.FromDays(30)).ToUnixTimeSeconds(), long.Parse(item[JobsTableSchema.Ttl].N, System.Globalization.CultureInfo.InvariantCulture));
        }

        var unfinished = await _store.ListUnfinishedIdsAsync(ProcessingMethod.InProcess, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(unfinished, id => id == completed.Id || id == failed.Id);
    }

    [Fact]
    public async Task ListFinishedSince_ReadsOnlyThatMethodsFinishedJobsInTheWindow()
    {
        var method = ProcessingMethod.Lambda;
        var old = NewJob("u", _clock.GetUtcNow(), method);
        await _store.CreateAsync(old, TestContext.Current.CancellationToken);
        await _store.FailAsync(old.Id, null, new JobError("x", "old"), TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(2));
        var since = _clock.GetUtcNow();
        var recent = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            recent.Add(NewJob("u", _clock.GetUtcNow(), method));
            await _store.CreateAsync(recent[^1], TestContext.Current.CancellationToken);
            await _store.FailAsync(recent[^1].Id, null, new JobError("x", "recent"), TestContext.Current.CancellationToken);
        }

        var unfinished = NewJob("u", _clock.GetUtcNow(), method);
        await _store.CreateAsync(unfinished, TestContext.Current.CancellationToken);

        var all = await _store.ListFinishedSinceAsync(method, since, 100, TestContext.Current.CancellationToken);
        var two = await _store.ListFinishedSinceAsync(method, since, 2, TestContext.Current.CancellationToken);

        Assert.Equal(recent.Select(j => j.Id).Reverse(), all.Select(j => j.Id));
        Assert.Equal(recent.Select(j => j.Id).Reverse().Take(2), two.Select(j => j.Id));
    }

    [Fact]
    public async Task FailAbandoned_RefusesWhenTheJobMovedSinceItWasSeen()
    {
        var job = NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        var seen = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
        _clock.Advance(TimeSpan.FromMinutes(3));
        var staleBefore = _clock.GetUtcNow().AddMinutes(-2);
        Assert.True(await _store.ReportProgressAsync(job.Id, seen.Attempt, JobStages.Cutting, 10, TestContext.Current.CancellationToken)); // alive after all

        var whileAlive = await _store.FailAbandonedAsync(seen, staleBefore, new JobError("attempts_exhausted", "x"), TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var whenStale = await _store.FailAbandonedAsync(seen, _clock.GetUtcNow().AddMinutes(-2), new JobError("attempts_exhausted", "x"), TestContext.Current.CancellationToken);

        Assert.False(whileAlive);
        Assert.True(whenStale);
        Assert.Equal(JobStatus.Failed, (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!.Status);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
