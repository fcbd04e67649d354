using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Api.Processing;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// An Api without Lambda configured (Processing:Mode=InProcess, the rollback switch) has no Lambda sender; a Lambda job
/// nobody runs, left from an earlier configuration, is taken over by its in-process worker once it has been untouched
/// for Processing:LambdaRedispatchAfter, and recorded as in-process.
/// </summary>
public sealed class ProcessingSweepTests(AwsBackendFixture backend, TestVideos videos) : IAsyncDisposable
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("sweep"), AwsBackendFixture.UniqueName("sweep"));

    [Fact]
    public void ApiWithoutLambda_HasNoLambdaSenderOrInvoker()
    {
        var senders = _api.Services.GetServices<IJobSender>();

        Assert.Equal([ProcessingMethod.InProcess], senders.Select(s => s.Method));
        Assert.Null(_api.Services.GetService<LambdaInvoker>());
    }

    [Fact]
    public async Task StrandedLambdaJob_ApiWithoutLambda_IsTakenOverInProcessAndCompletes()
    {
        using var client = _api.ClientFor("frank");
        var job = await LambdaJobAsync(client, "frank", untouchedFor: TimeSpan.FromMinutes(10));

        var finished = await client.WaitForJobAsync(job.Id, TimeSpan.FromMinutes(2));

        Assert.Equal(("completed", "in-process"), (finished.GetProperty("status").GetString(), finished.GetProperty("method").GetString()));
        var stored = (await Store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal((JobStatus.Completed, ProcessingMethod.InProcess, 1), (stored.Status, stored.Method, stored.Attempt));
    }

    [Fact]
    public async Task RecentLambdaJob_ApiWithoutLambda_IsLeftQueuedForLambda()
    {
        using var client = _api.ClientFor("grace");
        var job = await LambdaJobAsync(client, "grace", untouchedFor: TimeSpan.FromMinutes(1));

        var result = await _api.Services.GetRequiredService<ProcessingSweep>().SweepAsync(_ => false, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Redispatched);
        var stored = (await Store.GetAsync(job.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal((JobStatus.Queued, ProcessingMethod.Lambda, 0), (stored.Status, stored.Method, stored.Attempt));
        Assert.Contains(job.Id, await Store.ListUnfinishedIdsAsync(ProcessingMethod.Lambda, TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private JobStore Store => _api.Services.GetRequiredService<JobStore>();

    /// <summary>A QUEUED Lambda job for a real upload, as an Api in Lambda mode wrote it <paramref name="untouchedFor"/> ago.</summary>
    private async Task<Job> LambdaJobAsync(HttpClient client, string user, TimeSpan untouchedFor)
    {
        var uploadId = await client.UploadAsync(await videos.NoAudioAsync());
        var then = DateTimeOffset.UtcNow - untouchedFor;
        var job = new Job
        {
            Id = StorageLayout.NewId(),
            UserId = user,
            SourceKey = StorageLayout.UploadKey(user, uploadId),
            Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: false),
            Method = ProcessingMethod.Lambda,
            CreatedAt = then,
            UpdatedAt = then,
        };
        await Store.CreateAsync(job, TestContext.Current.CancellationToken);
        return job;
    }
}
