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
[Collection(AwsCollectionDefinition.Name)]
public sealed class JobStoreTests : IAsyncLifetime
{
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
        var staleComplete = await _store.CompleteAsync(job.Id, first.Attempt, [], 30, TestContext.Current.CancellationToken);
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
        JobSegment[] segments = [new(0, 0, 10, 1234, StorageLayout.SegmentKey(job.Id, 0), null)];

        Assert.True(await _store.CompleteAsync(job.Id, claimed.Attempt, segments, 10, TestContext.Current.CancellationToken));
        Assert.False(await _store.FailAsync(job.Id, claimed.Attempt, new JobError("late", "too late"), TestContext.Current.CancellationToken));
        var stored = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal((JobStatus.Completed, 100.0, 10.0), (stored.Status, stored.Progress, stored.InputDurationSeconds));
        Assert.Equal(segments, stored.Segments);
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
        await _store.CompleteAsync(done.Id, claimed!.Attempt, [], 1, TestContext.Current.CancellationToken);

        var unfinished = await _store.ListUnfinishedAsync(ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var ids = unfinished.Select(j => j.Id).ToHashSet();
        Assert.Contains(queued.Id, ids);
        Assert.Contains(processing.Id, ids);
        Assert.DoesNotContain(done.Id, ids);
        Assert.DoesNotContain(lambda.Id, ids);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
