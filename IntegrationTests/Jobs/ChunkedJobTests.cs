using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>
/// Jobs split into chunks below the Api: the first run splits, each chunk runs on its own (here, as the test decides:
/// side by side, twice, crashed), the last chunk to finish commits. Against the single pass of the same job.
/// </summary>
public sealed class ChunkedJobTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private const double OneFrame = 1.0 / 30;
    private const int Width = 160;
    private const int Height = 90;
    private readonly string _bucket = AwsBackendFixture.UniqueName("chunked");
    private readonly string _table = AwsBackendFixture.UniqueName("chunked");
    private readonly string _work = Directory.CreateTempSubdirectory("chunked-").FullName;
    private ServiceProvider _chunked = null!;
    private ServiceProvider _single = null!;

    public async ValueTask InitializeAsync()
    {
        // 10 s of input per chunk; StaleAfter at its minimum so a crashed chunk is taken over within the test.
        _chunked = JobServices.Build(backend, _bucket, _table,
            settings: new Dictionary<string, string?> { ["Processing:ChunkSeconds"] = "10", ["Processing:StaleAfter"] = "00:00:05" });
        _single = JobServices.Build(backend, _bucket, _table, settings: new Dictionary<string, string?> { ["Processing:ChunkSeconds"] = "0" });
        await _chunked.BootstrapAsync(_bucket, _table);
    }

    [Fact]
    public async Task ExactJobWithPerSegmentText_ChunksSideBySide_GiveTheSinglePassSegments()
    {
        // Fixed 5 s on 30 s: 6 segments, 3 chunks of 2; every other segment has a text, so texts sit on both sides of each boundary.
        var options = new JobOptions(CuttingOptions.Fixed(5), OutputMode.Exact,
            TextOverlay.PerSegment(["", "SECOND", "", "FOURTH", "FIFTH", ""], Style), Thumbnails: true);
        var single = await QueueJobAsync(options);
        var chunked = await QueueJobAsync(options);
        Assert.Equal(JobOutcome.Completed, await _single.GetRequiredService<JobExecutor>().ExecuteAsync(single.Id, ProcessingMethod.InProcess, Ct));

        var split = await Executor().ExecuteAsync(chunked.Id, ProcessingMethod.InProcess, Ct);
        var sent = Sent().Take();
        var whileRunning = await GetAsync(chunked.Id);
        var outcomes = await Task.WhenAll(sent.Select(work => Executor().ExecuteAsync(work, ProcessingMethod.InProcess, Ct)));

        Assert.Equal(JobOutcome.Split, split);
        Assert.Equal([0, 1, 2], sent.Select(w => w.Chunk!.Value));
        Assert.Equal((JobStatus.Processing, 3, 3), (whileRunning.Status, whileRunning.ChunkCount, whileRunning.Chunks.Count));
        Assert.Equal([0.0, 10.0, 20.0], whileRunning.Chunks.Select(c => c.StartSeconds));
        Assert.Equal(1, outcomes.Count(o => o == JobOutcome.Completed));
        Assert.Equal(2, outcomes.Count(o => o == JobOutcome.ChunkDone));

        var (whole, parts) = (await GetAsync(single.Id), await GetAsync(chunked.Id));
        Assert.Equal((JobStatus.Completed, 100.0, 3), (parts.Status, parts.Progress, parts.ChunkCount));
        Assert.Empty(parts.Chunks); // the per-chunk state is gone with the commit
        Assert.Equal(whole.Segments.Select(s => s.Index), parts.Segments.Select(s => s.Index));
        Assert.Equal(whole.InputDurationSeconds, parts.InputDurationSeconds);
        Assert.Equal(whole.Encoding, parts.Encoding);
        foreach (var (a, b) in whole.Segments.Zip(parts.Segments))
        {
            Assert.Equal(a.StartSeconds, b.StartSeconds, OneFrame);
            Assert.Equal(a.DurationSeconds, b.DurationSeconds, OneFrame);
            Assert.StartsWith(StorageLayout.ChunkAttemptPrefix(chunked.Id, 1, b.Index / 2, 1), b.Key, StringComparison.Ordinal);
            var (fileA, fileB) = (await DownloadAsync(a.Key), await DownloadAsync(b.Key));
            await FfprobeReader.DecodesCleanlyAsync(fileB);
            Assert.InRange(await FfprobeReader.VideoFrameCountAsync(fileB),
                await FfprobeReader.VideoFrameCountAsync(fileA) - 1, await FfprobeReader.VideoFrameCountAsync(fileA) + 1);

            // The same picture 2.5 s in, text band included: each text is on its own segment, in chunks as in one pass.
            var difference = MeanDifference(await FfprobeReader.GreyFrameAsync(fileA, 2.5, Width, Height),
                await FfprobeReader.GreyFrameAsync(fileB, 2.5, Width, Height));
            Assert.True(difference < 3, $"segment {b.Index} differs from the single pass (mean difference {difference:0.0})");
        }

        // Nothing but the committed segments and thumbnails is left, and the chunk results are gone.
        Assert.Equal(parts.Segments.SelectMany(s => new[] { s.Key, s.ThumbnailKey! }).Order(),
            (await Objects().ListKeysAsync(StorageLayout.JobPrefix(chunked.Id), Ct)).Order());
        Assert.Null(await Store().GetChunkResultAsync(chunked.Id, 1, 0, 1, Ct));
    }

    [Fact]
    public async Task Chunk_DeliveredTwiceOrForAnotherAttempt_ChangesNothing()
    {
        var job = await QueueJobAsync(ExactFixed10);
        await Executor().ExecuteAsync(job.Id, ProcessingMethod.Lambda, Ct);
        var first = Sent().Take()[0];

        var run = await Executor().ExecuteAsync(first, ProcessingMethod.Lambda, Ct);
        var keys = await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), Ct);
        var again = await Executor().ExecuteAsync(first, ProcessingMethod.Lambda, Ct);
        var otherAttempt = await Executor().ExecuteAsync(JobWork.ForChunk(job.Id, 2, 1), ProcessingMethod.Lambda, Ct);
        var noSuchChunk = await Executor().ExecuteAsync(JobWork.ForChunk(job.Id, 1, 7), ProcessingMethod.Lambda, Ct);

        Assert.Equal((JobOutcome.ChunkDone, JobOutcome.Skipped, JobOutcome.Skipped, JobOutcome.Skipped), (run, again, otherAttempt, noSuchChunk));
        var stored = await GetAsync(job.Id);
        Assert.Equal((1, 1, 1), (stored.ChunksDone, stored.Chunks[0].Attempt, stored.Chunks[0].Tries));
        Assert.Equal((ChunkStatus.Queued, 0), (stored.Chunks[1].Status, stored.Chunks[1].Tries));
        Assert.Equal(keys, await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), Ct));
    }

    [Fact]
    public async Task OneChunkFailing_FailsTheJobWithItsErrorAndRemovesEveryChunksObjects()
    {
        var job = await QueueJobAsync(ExactFixed10);
        await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, Ct);
        var sent = Sent().Take();
        Assert.Equal(JobOutcome.ChunkDone, await Executor().ExecuteAsync(sent[0], ProcessingMethod.InProcess, Ct));
        Assert.NotEmpty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), Ct));

        // The upload disappears before chunk 1 runs: a failure no retry can mend.
        await _chunked.GetRequiredService<IAmazonS3>().DeleteObjectAsync(_bucket, job.SourceKey, Ct);
        var failed = await Executor().ExecuteAsync(sent[1], ProcessingMethod.InProcess, Ct);
        var late = await Executor().ExecuteAsync(sent[2], ProcessingMethod.InProcess, Ct);

        var stored = await GetAsync(job.Id);
        Assert.Equal((JobOutcome.Failed, JobOutcome.Skipped), (failed, late));
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal("input_not_found", stored.Error!.Code);
        Assert.Empty(stored.Chunks);
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), Ct));
    }

    [Fact]
    public async Task ChunkCrashedMidway_IsTakenOverByTheSweep_AndTheJobCompletes()
    {
        var job = await QueueJobAsync(ExactFixed10);
        await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, Ct);
        var sent = Sent().Take();

        // A run claims chunk 1, stores a segment and dies: no heartbeat from then on.
        Assert.NotNull(await Store().TryClaimChunkAsync(job.Id, 1, 1, Ct));
        var leftover = StorageLayout.SegmentKey(StorageLayout.ChunkAttemptPrefix(job.Id, 1, 1, 1), 1);
        await _chunked.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = leftover, ContentBody = "left by a crashed chunk attempt",
            UseChunkEncoding = backend.Connection.UseChunkEncoding,
        }, Ct);
        var whileAlive = await Executor().ExecuteAsync(sent[1], ProcessingMethod.InProcess, Ct);
        var outcomes = new List<JobOutcome>
        {
            await Executor().ExecuteAsync(sent[0], ProcessingMethod.InProcess, Ct),
            await Executor().ExecuteAsync(sent[2], ProcessingMethod.InProcess, Ct),
        };

        await Task.Delay(TimeSpan.FromSeconds(6), Ct); // past StaleAfter (5 s)
        var swept = await _chunked.GetRequiredService<JobSweeper>().SweepAsync(
            ProcessingMethod.InProcess, TimeSpan.Zero, (_, _) => Task.FromResult(true), null, Ct);
        var resent = Sent().Take();
        outcomes.AddRange(await Task.WhenAll(resent.Select(work => Executor().ExecuteAsync(work, ProcessingMethod.InProcess, Ct))));

        Assert.Equal(JobOutcome.Skipped, whileAlive); // a live claim is not taken over
        Assert.Equal(1, swept.Redispatched);
        Assert.Equal([JobWork.ForChunk(job.Id, 1, 1)], resent);
        Assert.Equal([JobOutcome.ChunkDone, JobOutcome.ChunkDone, JobOutcome.Completed], outcomes);
        var stored = await GetAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal([0, 1, 2], stored.Segments.Select(s => s.Index));
        Assert.StartsWith(StorageLayout.ChunkAttemptPrefix(job.Id, 1, 1, 2), stored.Segments[1].Key, StringComparison.Ordinal);
        Assert.Equal(stored.Segments.Select(s => s.Key).Order(), (await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), Ct)).Order());
    }

    [Fact]
    public async Task ChunksStoredSegments_ShowWhileTheJobRuns_AndLeaveWithTheChunkAttemptThatStoredThem()
    {
        var job = await QueueJobAsync(ExactFixed10);
        var claimed = (await Store().TryClaimAsync(job.Id, Ct))!;
        Assert.True(await Store().SplitAsync(job.Id, claimed.Attempt, [(0, 10), (10, 10)], 10, Ct));
        Assert.NotNull(await Store().TryClaimChunkAsync(job.Id, 1, 0, Ct));
        Assert.NotNull(await Store().TryClaimChunkAsync(job.Id, 1, 1, Ct));

        await Store().ReportChunkProgressAsync(job.Id, 1, 1, 1, 50, [Segment(job.Id, 1, 1)], Ct);
        await Store().ReportChunkProgressAsync(job.Id, 1, 0, 1, 50, [Segment(job.Id, 0, 1)], Ct);
        var both = await GetAsync(job.Id);
        Assert.True(await Store().ReleaseChunkAsync(job.Id, 1, 1, 1, Ct, new JobError("storage_error", "S3 throttled")));
        var afterRelease = await GetAsync(job.Id);
        Assert.NotNull(await Store().TryClaimChunkAsync(job.Id, 1, 1, Ct));
        await Store().ReportChunkProgressAsync(job.Id, 1, 1, 2, 10, [Segment(job.Id, 1, 2)], Ct);
        var retried = await GetAsync(job.Id);

        Assert.Equal([0, 1], both.StoredSegments.Select(s => s.Index));
        Assert.Equal([0], afterRelease.StoredSegments.Select(s => s.Index)); // the released attempt's objects are deleted: not shown
        Assert.Equal(Segment(job.Id, 1, 2).Key, retried.StoredSegments[1].Key);
        Assert.False(await Store().ReportChunkProgressAsync(job.Id, 1, 1, 1, 60, [Segment(job.Id, 1, 1)], Ct)); // the old attempt is refused
    }

    private static JobSegment Segment(string jobId, int index, int chunkAttempt) => new(index, index * 10, 10, 1000,
        StorageLayout.SegmentKey(StorageLayout.ChunkAttemptPrefix(jobId, 1, index, chunkAttempt), index), null);

    [Fact]
    public async Task CopyJob_LongerThanAChunk_IsCutInOnePass()
    {
        var job = await QueueJobAsync(new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: false));

        var outcome = await Executor().ExecuteAsync(job.Id, ProcessingMethod.InProcess, Ct);

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Empty(Sent().Take());
        Assert.Equal((0, 3), ((await GetAsync(job.Id)).ChunkCount, (await GetAsync(job.Id)).Segments.Count));
    }

    private static JobOptions ExactFixed10 => new(CuttingOptions.Fixed(10), OutputMode.Exact, TextOverlay.None, Thumbnails: false);

    private static OverlayStyle Style => new() { FontSize = 64, Position = OverlayPosition.Center, Background = OverlayBackground.Box };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobExecutor Executor() => _chunked.GetRequiredService<JobExecutor>();

    private JobStore Store() => _chunked.GetRequiredService<JobStore>();

    private ObjectStore Objects() => _chunked.GetRequiredService<ObjectStore>();

    private SentChunks Sent() => _chunked.GetRequiredService<SentChunks>();

    private async Task<Job> GetAsync(string jobId) => (await Store().GetAsync(jobId, Ct))!;

    private async Task<string> DownloadAsync(string key)
    {
        var file = Path.Combine(_work, key.Replace('/', '_'));
        using var response = await _chunked.GetRequiredService<IAmazonS3>().GetObjectAsync(_bucket, key, Ct);
        await response.WriteResponseStreamToFileAsync(file, append: false, Ct);
        return file;
    }

    private async Task<Job> QueueJobAsync(JobOptions options)
    {
        var user = "chunked-" + StorageLayout.NewId()[..8];
        var key = StorageLayout.UploadKey(user, StorageLayout.NewId());
        await _chunked.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            FilePath = await videos.H264Gop2Async(),
            UseChunkEncoding = backend.Connection.UseChunkEncoding,
        }, Ct);
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = StorageLayout.NewId(),
            UserId = user,
            SourceKey = key,
            Options = options,
            Method = ProcessingMethod.InProcess,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Store().CreateAsync(job, Ct);
        return job;
    }

    private static double MeanDifference(byte[] a, byte[] b) => a.Zip(b).Average(p => Math.Abs(p.First - p.Second));

    public async ValueTask DisposeAsync()
    {
        await _chunked.DisposeAsync();
        await _single.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }
}
