using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>The Processor's failure paths under the Lambda service emulator: a failed job, SIGTERM, SIGKILL, an init error.</summary>
// Not beside others: after the SIGKILL the new Processor must write heartbeats every 2.5 s (StaleAfter 5 s) or the sweep
// dispatches the job a third time; ffmpeg-heavy neighbours on a 2-core machine can delay those writes that long.
[Collection(NonParallelCollectionDefinition.Name)]
public sealed class LambdaFailureTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task MissingFfmpeg_FailsTheJobOnce_TheInvocationSaysSoWithoutALambdaRetry()
    {
        // A deployment whose FFmpeg layer is missing: ffprobe works (a local one), ffmpeg does not exist.
        await using var mode = await StartLambdaModeAsync("lambda-fail", processor: new() { ["Video__FfmpegPath"] = "/opt/bin/ffmpeg-not-deployed" });
        var (lambda, api) = (mode.Lambda, mode.Api);
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.NoAudioAsync());

        var created = await alice.CreateJobAsync(new { uploadId });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);
        // Not transient: retrying cannot help, so the invocation ends normally with the outcome (a function error would
        // only make Lambda deliver the event twice more, to be skipped). The failure shows on the job and in the logs.
        var ended = await lambda.WaitForResultsAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("tool_unavailable", job.GetProperty("error").GetProperty("code").GetString());
        var result = Assert.Single(await lambda.WaitForResultsAsync(1, TimeSpan.FromSeconds(1)));
        Assert.False(result.Error);
        Assert.Equal("failed", JsonDocument.Parse(result.Body).RootElement.GetProperty("outcome").GetString());
        Assert.Contains("ffmpeg-not-deployed", lambda.ProcessorOutput, StringComparison.Ordinal);
        Assert.Single(ended);
    }

    [Fact]
    public async Task Sigterm_DuringAJob_GivesTheJobBackAndFailsTheInvocationForRetry()
    {
        await using var mode = await StartLambdaModeAsync("lambda-term");
        var (lambda, api) = (mode.Lambda, mode.Api);
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264LargeAsync());
        var id = (await alice.CreateJobAsync(new { uploadId, output = "exact", cutting = new { mode = "fixed", segmentSeconds = 2 } }))
            .GetProperty("id").GetString()!;
        while ((await alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken)).GetProperty("status").GetString() != "processing")
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await lambda.TerminateProcessorAsync();
        var ended = await lambda.WaitForResultsAsync(1, TimeSpan.FromSeconds(30));
        await lambda.WaitForProcessorExitAsync(TimeSpan.FromSeconds(30));

        var result = Assert.Single(ended);
        Assert.True(result.Error);
        Assert.True(result.ErrorType == "Job.Retry", $"{result.ErrorType}: {result.Body}\n{lambda.ProcessorOutput}");
        var job = await alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal(0, lambda.ProcessorExitCode);
    }

    [Fact]
    public async Task ProcessorKilledMidJob_TheSweepDispatchesTheJobAgainAndANewInstanceCompletesIt()
    {
        await using var mode = await StartLambdaModeAsync("lambda-kill", api: new()
        {
            ["Processing:StaleAfter"] = "00:00:05",
            ["Processing:SweepInterval"] = "00:00:01",
            ["Processing:LambdaRedispatchAfter"] = "00:00:01",
        });
        var (lambda, api) = (mode.Lambda, mode.Api);
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264LargeAsync());
        var id = (await alice.CreateJobAsync(new { uploadId, output = "exact", cutting = new { mode = "fixed", segmentSeconds = 2 } }))
            .GetProperty("id").GetString()!;
        while ((await alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken)).GetProperty("status").GetString() != "processing")
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var ffmpeg = await FfmpegBelowAsync(lambda.ProcessorId);
        await lambda.KillProcessorAsync(); // the invocation never answers: Lambda would wait for its deadline
        foreach (var pid in ffmpeg)
        {
            Assert.True(await ProcessProbe.ExitedAsync(pid), $"ffmpeg {pid} outlived the killed Processor");
        }

        lambda.StartNewProcessor();
        var job = await alice.WaitForJobAsync(id, TimeSpan.FromSeconds(120));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(10, job.GetProperty("segments").GetArrayLength());
        // Dispatched again by the sweep: at least once more. On a loaded machine the new instance may take seconds to
        // claim, and the sweep (every second here) invokes a QUEUED job untouched for a second again meanwhile; the
        // extra deliveries are skipped by the claim, so exactly one more attempt ran: everything is under attempt 2.
        Assert.True(lambda.Invokes.Count >= 2, $"{lambda.Invokes.Count} invokes");
        var stored = await api.Services.GetRequiredService<JobStore>().GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(2, stored!.Attempt);
        var keys = await api.Services.GetRequiredService<ObjectStore>().ListKeysAsync(StorageLayout.JobPrefix(id), TestContext.Current.CancellationToken);
        Assert.All(keys, k => Assert.StartsWith(StorageLayout.AttemptPrefix(id, 2), k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessorKilledMidChunk_TheSweepSendsThatChunkAgainAndTheJobCompletes()
    {
        var chunks = new Dictionary<string, string?> { ["Processing__ChunkSeconds"] = "10" };
        await using var mode = await StartLambdaModeAsync("lambda-killchunk", processor: chunks, api: new()
        {
            ["Processing:StaleAfter"] = "00:00:05",
            ["Processing:SweepInterval"] = "00:00:01",
            ["Processing:LambdaRedispatchAfter"] = "00:00:01",
        });
        var (lambda, api) = (mode.Lambda, mode.Api);
        var store = api.Services.GetRequiredService<JobStore>();
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264LargeAsync());
        var id = (await alice.CreateJobAsync(new { uploadId, output = "exact", cutting = new { mode = "fixed", segmentSeconds = 2 } }))
            .GetProperty("id").GetString()!;
        JobChunk? running;
        do
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            running = (await store.GetAsync(id, TestContext.Current.CancellationToken))!.Chunks.FirstOrDefault(c => c.Status == ChunkStatus.Processing);
        }
        while (running is null);

        await lambda.KillProcessorAsync(); // mid-chunk: the invocation never answers
        lambda.StartNewProcessor();
        var job = await alice.WaitForJobAsync(id, TimeSpan.FromSeconds(120));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(10, job.GetProperty("segments").GetArrayLength());
        var stored = (await store.GetAsync(id, TestContext.Current.CancellationToken))!;
        Assert.Equal((1, 2), (stored.Attempt, stored.ChunkCount)); // the job itself was never taken over: only the chunk
        var killed = stored.Segments.Where(s => s.Index / 5 == running.Index).ToList();
        Assert.All(killed, s => Assert.StartsWith(StorageLayout.ChunkAttemptPrefix(id, 1, running.Index, 2), s.Key, StringComparison.Ordinal));
        var keys = await api.Services.GetRequiredService<ObjectStore>().ListKeysAsync(StorageLayout.JobPrefix(id), TestContext.Current.CancellationToken);
        Assert.Equal(stored.Segments.SelectMany(s => new[] { s.Key, s.ThumbnailKey! }).Order(), keys.Order());
    }

    /// <summary>A table and bucket, the Lambda emulator with the Processor, and an Api in Lambda mode.</summary>
    private async Task<LambdaMode> StartLambdaModeAsync(
        string name, Dictionary<string, string?>? processor = null, Dictionary<string, string?>? api = null)
    {
        var bucket = AwsBackendFixture.UniqueName(name);
        var table = AwsBackendFixture.UniqueName(name);
        await JobServices.CreateResourcesAsync(backend, bucket, table);
        var environment = LambdaFlowTests.ProcessorEnvironment(backend, bucket, table);
        foreach (var (key, value) in processor ?? [])
        {
            environment[key] = value;
        }

        var lambda = await LambdaHarness.StartAsync(environment);
        var settings = new Dictionary<string, string?>(api ?? [])
        {
            ["Processing:Mode"] = "Lambda",
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Endpoint.ToString(),
        };
        return new LambdaMode(lambda, new ApiFactory(backend, bucket, table, settings));
    }

    private sealed record LambdaMode(LambdaHarness Lambda, ApiFactory Api) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Api.DisposeAsync();
            await Lambda.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<int>> FfmpegBelowAsync(int processor)
    {
        for (var i = 0; i < 100; i++)
        {
            if (ProcessProbe.Descendants(processor, "ffmpeg") is { Count: > 0 } found)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail("no ffmpeg ran below the Processor");
        return [];
    }

    [Fact]
    public async Task InvalidConfiguration_IsReportedAsAnInitErrorAndTheProcessExits()
    {
        var environment = LambdaFlowTests.ProcessorEnvironment(backend, "Not_A_Valid_Bucket", "jobs");

        await using var lambda = await LambdaHarness.StartAsync(environment);
        var initError = await lambda.WaitForInitErrorAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100 && lambda.ProcessorExitCode is null; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        using var error = JsonDocument.Parse(initError);
        Assert.Equal("Runtime.InitError", error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("Storage:BucketName", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, lambda.ProcessorExitCode);
    }
}
