using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>
/// The segments a running attempt has stored (<see cref="JobsTableSchema.StoredSegments"/>), against real DynamoDB:
/// appended by progress writes, read one per index in index order, and gone once the attempt ends or another starts.
/// </summary>
public sealed class StoredSegmentsTests : IAsyncLifetime
{
    private static readonly JobEncoding Copied = new(StreamEncoding.Copied("h264"), null);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly JobStore _store;
    private readonly string _bucket = AwsBackendFixture.UniqueName("stored");
    private readonly string _table = AwsBackendFixture.UniqueName("stored");

    public StoredSegmentsTests(AwsBackendFixture backend)
    {
        _services = JobServices.Build(backend, _bucket, _table, timeProvider: _clock);
        _store = _services.GetRequiredService<JobStore>();
    }

    public async ValueTask InitializeAsync() => await _services.BootstrapAsync(_bucket, _table);

    [Fact]
    public async Task ReportProgress_WithStoredSegments_ReadsOnePerIndexInIndexOrderTheLastWins()
    {
        var job = await ClaimedJobAsync();
        var retried = Segment(job, 0) with { SizeBytes = 999 };

        Assert.True(await ReportAsync(job, Segment(job, 2), Segment(job, 0)));
        Assert.True(await ReportAsync(job));
        Assert.True(await ReportAsync(job, Segment(job, 1), retried));
        var read = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal([retried, Segment(job, 1), Segment(job, 2)], read.StoredSegments);
        Assert.Empty(read.Segments);
        Assert.Equal(4, (await RawStoredAsync(job.Id))!.Count); // appended, not rewritten: readers do the dedup
    }

    [Fact]
    public async Task ReportProgress_OfALostAttempt_AppendsNothing()
    {
        var job = await ClaimedJobAsync();
        Assert.True(await _store.ReleaseAsync(job.Id, job.Attempt, TestContext.Current.CancellationToken));
        var next = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.False(await ReportAsync(job, Segment(job, 0)));

        Assert.Null(await RawStoredAsync(next.Id));
    }

    [Fact]
    public async Task Complete_RemovesTheList_TheCommittedSegmentsTakeOver()
    {
        var job = await ClaimedJobAsync();
        Assert.True(await ReportAsync(job, Segment(job, 0)));

        Assert.True(await _store.CompleteAsync(job.Id, job.Attempt, [Segment(job, 0), Segment(job, 1)], 20, Copied, TestContext.Current.CancellationToken));

        var read = (await _store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Null(await RawStoredAsync(job.Id));
        Assert.Equal(2, read.Segments.Count);
        Assert.Empty(read.StoredSegments);
    }

    [Fact]
    public async Task Fail_RemovesTheList()
    {
        var job = await ClaimedJobAsync();
        Assert.True(await ReportAsync(job, Segment(job, 0)));

        Assert.True(await _store.FailAsync(job.Id, job.Attempt, new JobError("unreadable_input", "x"), TestContext.Current.CancellationToken));

        Assert.Null(await RawStoredAsync(job.Id));
    }

    [Fact]
    public async Task Release_RemovesTheList()
    {
        var job = await ClaimedJobAsync();
        Assert.True(await ReportAsync(job, Segment(job, 0)));

        Assert.True(await _store.ReleaseAsync(job.Id, job.Attempt, TestContext.Current.CancellationToken, new JobError("storage_error", "x")));

        Assert.Null(await RawStoredAsync(job.Id));
    }

    [Fact]
    public async Task Claim_TakingOverAStaleAttempt_StartsWithNoStoredSegments()
    {
        var job = await ClaimedJobAsync();
        Assert.True(await ReportAsync(job, Segment(job, 0), Segment(job, 1)));
        _clock.Advance(TimeSpan.FromMinutes(3)); // past Processing:StaleAfter: the attempt died without an outcome

        var next = (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;

        Assert.Equal(job.Attempt + 1, next.Attempt);
        Assert.Empty(next.StoredSegments);
        Assert.Null(await RawStoredAsync(job.Id));
    }

    private async Task<Job> ClaimedJobAsync()
    {
        var job = JobStoreTests.NewJob("alice", _clock.GetUtcNow());
        await _store.CreateAsync(job, TestContext.Current.CancellationToken);
        return (await _store.TryClaimAsync(job.Id, TestContext.Current.CancellationToken))!;
    }

    private Task<bool> ReportAsync(Job job, params JobSegment[] stored) =>
        _store.ReportProgressAsync(job.Id, job.Attempt, JobStages.Cutting, 10, stored, TestContext.Current.CancellationToken);

    private static JobSegment Segment(Job job, int index) => new(index, index * 10, 10, 1000 + index,
        StorageLayout.SegmentKey(job.Id, job.Attempt, index), StorageLayout.ThumbnailKey(job.Id, job.Attempt, index));

    /// <summary>The raw list attribute, null when the item has none.</summary>
    private async Task<List<AttributeValue>?> RawStoredAsync(string jobId)
    {
        var item = (await _services.GetRequiredService<IAmazonDynamoDB>().GetItemAsync(
            _table, new() { [JobsTableSchema.JobId] = new AttributeValue(jobId) }, true, TestContext.Current.CancellationToken)).Item;
        return item.TryGetValue(JobsTableSchema.StoredSegments, out var stored) ? stored.L : null;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
