using System.Collections.Concurrent;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>
/// A job's segments uploaded several at a time (Processing:UploadConcurrency, 4 by default): committed in index order
/// whatever order the uploads finish in, and all or nothing: whatever stops the job, no upload outlives it, so nothing
/// is left behind. S3 requests are steered through <see cref="InterceptingHttpClientFactory"/>; the input has 3 segments.
/// </summary>
public sealed class SegmentUploadsTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private static readonly TimeSpan PatienceLimit = TimeSpan.FromSeconds(20);

    private readonly string _bucket = AwsBackendFixture.UniqueName("uploads");
    private readonly string _table = AwsBackendFixture.UniqueName("uploads");
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = JobServices.Build(backend, _bucket, _table);
        await _services.BootstrapAsync(_bucket, _table);
    }

    [Fact]
    public async Task Execute_UploadsFinishOutOfOrder_SegmentsAreCommittedInIndexOrder()
    {
        var job = await QueueJobAsync();
        var finished = new ConcurrentQueue<int>();
        var lastStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = WithS3(async (request, forward, ct) =>
        {
            var index = SegmentIndex(request);
            if (index == 0)
            {
                // The first segment's upload waits for the last one's (or gives up waiting: uploads one at a time never get there).
                await Task.WhenAny(lastStored.Task, Task.Delay(PatienceLimit, ct));
            }

            var response = await forward(ct);
            if (index is { } i)
            {
                finished.Enqueue(i);
                if (i == 2)
                {
                    lastStored.TrySetResult();
                }
            }

            return response;
        });

        var outcome = await services.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal(0, finished.Last()); // the uploads did finish out of order
        Assert.Equal([0, 1, 2], stored.Segments.Select(s => s.Index));
        Assert.Equal(stored.Segments.Select(s => StorageLayout.SegmentKey(job.Id, 1, s.Index)), stored.Segments.Select(s => s.Key));
        Assert.Equal(stored.Segments.OrderBy(s => s.StartSeconds), stored.Segments);
        Assert.InRange(stored.FirstSegmentAt!.Value, stored.CreatedAt, stored.CompletedAt!.Value); // time to first segment recorded
    }

    [Fact]
    public async Task Execute_OneUploadFails_TheJobFailsAndNoObjectIsLeftBehind()
    {
        var job = await QueueJobAsync();
        var firstInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = WithS3(async (request, forward, ct) =>
        {
            switch (SegmentIndex(request))
            {
                case 0:
                    // Already on the wire: S3 stores it a moment after the failure, whatever the client does meanwhile.
                    firstInFlight.TrySetResult();
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                        var response = await forward(CancellationToken.None);
                        ct.ThrowIfCancellationRequested(); // the client gave up: the answer is lost, the object is stored
                        return response;
                    }
                    finally
                    {
                        firstEnded.TrySetResult();
                    }

                case 1:
                    // Fails for good while the first upload is on its way and the third segment waits for a free slot.
                    await Task.WhenAny(firstInFlight.Task, Task.Delay(PatienceLimit, ct));
                    return AccessDenied(request);
                default:
                    return await forward(ct);
            }
        }, uploadConcurrency: 2);

        var outcome = await services.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, TestContext.Current.CancellationToken);
        var uploadEndedFirst = firstEnded.Task.IsCompleted;
        await firstEnded.Task.WaitAsync(PatienceLimit, TestContext.Current.CancellationToken);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Contains("0001.mp4", stored.Error!.Message, StringComparison.Ordinal);
        Assert.True(uploadEndedFirst, "the job ended while one of its uploads was still running");
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Execute_CancelledWhileUploadsAreInFlight_GivesTheJobBackWithNothingLeftBehind()
    {
        var job = await QueueJobAsync();
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var inFlight = 0;
        var twoInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = WithS3(async (request, forward, ct) =>
        {
            if (SegmentIndex(request) is null)
            {
                return await forward(ct);
            }

            if (Interlocked.Increment(ref inFlight) >= 2)
            {
                twoInFlight.TrySetResult();
            }

            try
            {
                // Held until the job is cancelled; then, as a PUT already on the wire, stored a moment later anyway.
                await Task.WhenAny(Task.Delay(Timeout.InfiniteTimeSpan, ct));
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
                var response = await forward(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });
        var run = services.GetRequiredService<JobExecutor>().ExecuteAsync(job.Id, ProcessingMethod.InProcess, shutdown.Token);
        await twoInFlight.Task.WaitAsync(PatienceLimit, TestContext.Current.CancellationToken);

        await shutdown.CancelAsync();
        var outcome = await run;
        var stillInFlight = Volatile.Read(ref inFlight);

        var stored = (await Store().GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal(0, stillInFlight);
        Assert.Equal((JobStatus.Queued, 1), (stored.Status, stored.Attempt));
        Assert.Empty(await Objects().ListKeysAsync(StorageLayout.JobPrefix(job.Id), TestContext.Current.CancellationToken));
    }

    /// <summary>The segment a request PUTs (…/segments/0001.mp4 is 1); null for every other request.</summary>
    private static int? SegmentIndex(HttpRequestMessage request) =>
        request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath is var path
            && path.Contains("/segments/", StringComparison.Ordinal) && path.EndsWith(".mp4", StringComparison.Ordinal)
            ? int.Parse(path[^8..^4], System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static HttpResponseMessage AccessDenied(HttpRequestMessage request) => new(HttpStatusCode.Forbidden)
    {
        RequestMessage = request,
        Content = new StringContent("<Error><Code>AccessDenied</Code><Message>Injected by the test</Message></Error>"),
    };

    private ServiceProvider WithS3(
        Func<HttpRequestMessage, Func<CancellationToken, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> send,
        int uploadConcurrency = 4) =>
        JobServices.Build(backend, _bucket, _table,
            s3: AwsClientFactory.CreateS3(backend.Connection, c => c.HttpClientFactory = new InterceptingHttpClientFactory(send)),
            settings: new Dictionary<string, string?>
            {
                ["Processing:UploadConcurrency"] = uploadConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

    private JobStore Store() => _services.GetRequiredService<JobStore>();

    private ObjectStore Objects() => _services.GetRequiredService<ObjectStore>();

    private async Task<Job> QueueJobAsync()
    {
        var user = "uploads-" + StorageLayout.NewId()[..8];
        var key = StorageLayout.UploadKey(user, StorageLayout.NewId());
        await _services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = key, FilePath = await videos.H264Gop2Async(), UseChunkEncoding = backend.Connection.UseChunkEncoding,
        }, TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = StorageLayout.NewId(),
            UserId = user,
            SourceKey = key,
            Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: false),
            Method = ProcessingMethod.InProcess,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Store().CreateAsync(job, TestContext.Current.CancellationToken);
        return job;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
