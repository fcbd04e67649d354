using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>
/// Lambda mode end to end: the Api invokes (SigV4-signed) the project's Lambda service emulator, whose one
/// function instance is the real Processor executable, against the same S3 and DynamoDB.
/// </summary>
// Not beside others: the deadline test gives the Processor a 20 s Lambda timeout and must see ffmpeg start inside the
// job's 12 s; next to ffmpeg-heavy classes on a 2-core machine that is not certain.
[Collection(NonParallelCollectionDefinition.Name)]
public sealed partial class LambdaFlowTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private readonly string _bucket = AwsBackendFixture.UniqueName("lambda");
    private readonly string _table = AwsBackendFixture.UniqueName("lambda");
    private LambdaHarness _lambda = null!;
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync()
    {
        await JobServices.CreateResourcesAsync(backend, _bucket, _table); // before the Processor, which expects them
        _lambda = await LambdaHarness.StartAsync(ProcessorEnvironment(backend, _bucket, _table));
        _api = new ApiFactory(backend, _bucket, _table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["Processing:LambdaPercent"] = "100",
            ["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.Endpoint.ToString(),
        });
    }

    internal static Dictionary<string, string?> ProcessorEnvironment(AwsBackendFixture backend, string bucket, string table) =>
        new(backend.Configuration.Select(c => new KeyValuePair<string, string?>(c.Key.Replace(":", "__", StringComparison.Ordinal), c.Value)))
        {
            ["Storage__BucketName"] = bucket,
            ["Storage__JobsTableName"] = table,
            ["Lambda__DeadlineMargin"] = "00:00:01",
        };

    [Fact]
    public async Task LambdaMode_UploadToDownloadedSegments()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        var created = await alice.CreateJobAsync(new { uploadId, thumbnails = true });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("lambda", created.GetProperty("method").GetString());
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("segments").GetArrayLength());
        using var browser = new HttpClient();
        foreach (var segment in job.GetProperty("segments").EnumerateArray())
        {
            var bytes = await browser.GetByteArrayAsync(new Uri(segment.GetProperty("url").GetString()!), TestContext.Current.CancellationToken);
            Assert.Equal(segment.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        }

        var invoke = Assert.Single(_lambda.Invokes, i => Encoding.UTF8.GetString(i.Payload).Contains(created.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.Equal(InvocationType.Event, invoke.InvocationType);
    }

    [Fact]
    public async Task HlsPlaylistUpload_IsRefusedByTheProcessor_AndNothingItPointsToIsOpened()
    {
        using var listener = new LoopbackListener();
        using var mallory = _api.ClientFor("mallory");
        var file = await Security.HostileFiles.WriteAsync("hls", Security.HostileFiles.For(listener.Url)["hls"]);
        var uploadId = await mallory.UploadAsync(file);

        var created = await mallory.CreateJobAsync(new { uploadId });
        var job = await mallory.WaitForJobAsync(created.GetProperty("id").GetString()!);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.Equal("lambda", created.GetProperty("method").GetString());
        Assert.Equal(0, listener.Connections);
        Assert.Equal("unsupported_container", job.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invoke_CarriesAValidSigV4AuthorizationForLambda()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.NoAudioAsync());

        var created = await alice.CreateJobAsync(new { uploadId });

        var id = created.GetProperty("id").GetString()!;
        var invoke = Assert.Single(_lambda.Invokes, i => Encoding.UTF8.GetString(i.Payload).Contains(id, StringComparison.Ordinal));
        var match = SigV4Header().Match(invoke.Authorization);
        Assert.True(match.Success, invoke.Authorization);
        Assert.Equal(backend.Connection.Credentials!.GetCredentials().AccessKey, match.Groups["key"].Value);
        Assert.Equal(invoke.AmzDate[..8], match.Groups["date"].Value);
        Assert.Equal("us-east-1", match.Groups["region"].Value);
        Assert.Equal("lambda", match.Groups["service"].Value);
        Assert.Contains("x-amz-date", match.Groups["headers"].Value.Split(';'));
        Assert.Contains("host", match.Groups["headers"].Value.Split(';'));
        var traceparent = JsonDocument.Parse(invoke.Payload).RootElement.GetProperty("traceparent").GetString();
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
        await alice.WaitForJobAsync(id);
    }

    [Fact]
    public async Task DuplicateDelivery_IsProcessedOnceWithoutDuplicateSegments()
    {
        using var alice = _api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());
        var before = _lambda.Ended.Count;
        _lambda.Options.DeliveriesPerEvent = 2;

        var created = await alice.CreateJobAsync(new { uploadId, thumbnails = false });
        var id = created.GetProperty("id").GetString()!;
        var job = await alice.WaitForJobAsync(id);
        var ended = await _lambda.WaitForResultsAsync(before + 2, TimeSpan.FromSeconds(60));
        _lambda.Options.DeliveriesPerEvent = 1;

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var outcomes = ended.Skip(before).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("outcome").GetString()).Order();
        Assert.Equal(["completed", "skipped"], outcomes);
        var store = _api.Services.GetRequiredService<JobStore>();
        Assert.Equal(1, (await store.GetAsync(id, TestContext.Current.CancellationToken))!.Attempt);
        var keys = await _api.Services.GetRequiredService<ObjectStore>().ListKeysAsync(StorageLayout.JobPrefix(id), TestContext.Current.CancellationToken);
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public async Task Deadline_StopsFfmpegAndRecordsTimeoutBeforeTheHardStop()
    {
        // A 20 s function timeout less an 8 s margin leaves the job 12 s, and its clean-up (stop ffmpeg, remove its
        // objects, record FAILED) 8 s before the hard stop: room for both on a loaded 2-core machine, where a 4 s timeout
        // with a 1 s margin sometimes ran out before ffmpeg started or before the clean-up ended. The encode must certainly
        // need more than 12 s on any machine: 600 frames of 720p re-encoded with x264's veryslow preset (set for this
        // Processor only) take tens of seconds even on a fast workstation, where the default veryfast could finish in time.
        var environment = ProcessorEnvironment(backend, _bucket, _table);
        environment["Video__X264Preset"] = "veryslow";
        environment["Lambda__DeadlineMargin"] = "00:00:08";
        await using var slow = await LambdaHarness.StartAsync(environment);
        slow.Options.Functions[LambdaHarness.FunctionName].Timeout = TimeSpan.FromSeconds(20);
        await using var api = new ApiFactory(backend, _bucket, _table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["Processing:LambdaPercent"] = "100",
            ["AWS_ENDPOINT_URL_LAMBDA"] = slow.Endpoint.ToString(),
        });
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264LargeAsync());

        var created = await alice.CreateJobAsync(new { uploadId, output = "exact", cutting = new { mode = "fixed", segmentSeconds = 2 } });
        var ffmpeg = await FfmpegBelowAsync(slow.ProcessorId);
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);
        var ended = await slow.WaitForResultsAsync(1, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("timeout", job.GetProperty("error").GetProperty("code").GetString());
        Assert.False(ended[^1].Error, "a timeout is the job's outcome, not a crash of the function");
        foreach (var pid in ffmpeg)
        {
            Assert.True(await ProcessProbe.ExitedAsync(pid), $"ffmpeg {pid} outlived the job's time limit");
        }

        var keys = await api.Services.GetRequiredService<ObjectStore>().ListKeysAsync(
            StorageLayout.JobPrefix(job.GetProperty("id").GetString()!), TestContext.Current.CancellationToken);
        Assert.Empty(keys);
    }

    [Fact]
    public async Task PingThroughTheDiagnosticsEndpoint_ReturnsFfmpegVersionAndBuild()
    {
        using var alice = _api.ClientFor("alice", "operator");

        using var response = await alice.PostAsync(new Uri("/api/diagnostics/processor/ping", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var ping = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, ping.ToString());
        Assert.StartsWith("ffmpeg version", ping.GetProperty("ffmpeg").GetString(), StringComparison.Ordinal);
        Assert.Contains(".NET", ping.GetProperty("runtime").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparisonEndpoint_AfterARunOnBothMethods_ReportsEach()
    {
        await using var half = new ApiFactory(backend, _bucket, _table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["Processing:LambdaPercent"] = "50",
            ["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.Endpoint.ToString(),

            // Up to 16 jobs are created back to back until both methods have two (the split is by job id, so by chance):
            // the default quota of 10 active jobs refused the 11th in one CI run (429) while the first ones still ran.
            ["UserLimits:MaxActiveJobs"] = "16",
        });
        using var frank = half.ClientFor("frank", "operator");
        var uploadId = await frank.UploadAsync(await videos.NoAudioAsync());
        var created = new List<JsonElement>();
        while (created.Count < 16 && !(created.Count(j => j.GetProperty("method").GetString() == "lambda") >= 2
                                        && created.Count(j => j.GetProperty("method").GetString() == "in-process") >= 2))
        {
            created.Add(await frank.CreateJobAsync(new { uploadId, thumbnails = false }));
        }

        await Task.WhenAll(created.Select(j => frank.WaitForJobAsync(j.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2))));
        var stats = await frank.GetFromJsonAsync<JsonElement>("/api/diagnostics/processing", TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"processing stats: {stats}");
        foreach (var method in new[] { "lambda", "in-process" })
        {
            var row = stats.EnumerateArray().Single(r => r.GetProperty("method").GetString() == method);
            Assert.True(row.GetProperty("completed").GetInt32() >= created.Count(j => j.GetProperty("method").GetString() == method), row.ToString());
            Assert.True(row.GetProperty("p50Seconds").GetDouble() > 0);
            Assert.True(row.GetProperty("p95Seconds").GetDouble() >= row.GetProperty("p50Seconds").GetDouble());
            Assert.True(row.GetProperty("segmentsProduced").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task DiagnosticsEndpoints_ForAUserWithoutTheOperatorRole_Are403()
    {
        using var alice = _api.ClientFor("alice");

        using var ping = await alice.PostAsync(new Uri("/api/diagnostics/processor/ping", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var stats = await alice.GetAsync(new Uri("/api/diagnostics/processing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ping.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, stats.StatusCode);
        Assert.DoesNotContain(_lambda.Invokes, i => Encoding.UTF8.GetString(i.Payload).Contains("ping", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"version": 2, "kind": "job"}""", "Unsupported event version 2")]
    [InlineData("""{"version": 1, "kind": "job", "jobId": "../etc"}""", "jobId")]
    [InlineData("""{"version": 1, "kind": "dance"}""", "Unknown event kind")]
    public async Task MalformedEvent_IsAFunctionErrorThatSaysWhy(string payload, string reason)
    {
        using var http = new HttpClient { BaseAddress = _lambda.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"2015-03-31/functions/{LambdaHarness.FunctionName}/invocations", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.True(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("InvalidEvent", error.GetProperty("errorType").GetString());
        Assert.Contains(reason, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _lambda.DisposeAsync();
    }

    /// <summary>The ffmpeg processes the Processor runs, as soon as there is one.</summary>
    private static async Task<IReadOnlyList<int>> FfmpegBelowAsync(int processor)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (ProcessProbe.Descendants(processor, "ffmpeg") is { Count: > 0 } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no ffmpeg ran below the Processor");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9;-]+), ?Signature=[0-9a-f]{64}$")]
    private static partial Regex SigV4Header();
}
