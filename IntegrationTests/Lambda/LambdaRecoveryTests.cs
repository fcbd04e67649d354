using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>
/// The Processor's recovery events under the Lambda emulator, as AWS sends them: the scheduled "sweep" (EventBridge)
/// and a batch from the failure queue (an SQS event source). Also a dispatch that cannot reach Lambda.
/// </summary>
public sealed class LambdaRecoveryTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task SweepEvent_InvokesAStrandedJobAgain_AndTheJobCompletes()
    {
        var (api, lambda) = await StartAsync("lambda-sweep", new() { ["Processing__LambdaRedispatchAfter"] = "00:00:01" });
        await using var _ = api;
        await using var __ = lambda;
        // The Api wrote the job and died before dispatching it: QUEUED, no event anywhere.
        var job = await StrandedJobAsync(api);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        using var swept = await InvokeAsync(lambda, """{"version":1,"kind":"sweep"}""");
        var done = await api.ClientFor(job.UserId).WaitForJobAsync(job.Id);

        Assert.Equal(1, swept.RootElement.GetProperty("redispatched").GetInt32());
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public async Task FailureQueueBatch_FailsTheJobLambdaGaveUpOn_WithLambdasReason()
    {
        var (api, lambda) = await StartAsync("lambda-dlq", []);
        await using var _ = api;
        await using var __ = lambda;
        // Lambda tried it three times (each try counted) and gave up.
        var job = await StrandedJobAsync(api, tries: 3);
        var record = JsonSerializer.Serialize(new
        {
            version = "1.0",
            requestContext = new { condition = "RetriesExhausted", approximateInvokeCount = 3 },
            requestPayload = new { version = 1, kind = "job", jobId = job.Id },
            responsePayload = new { errorMessage = "Runtime exited with error: signal: killed" },
        });
        var sqsEvent = JsonSerializer.Serialize(new { Records = new[] { new { eventSource = "aws:sqs", body = record } } });

        using var read = await InvokeAsync(lambda, sqsEvent);
        var failed = await api.ClientFor(job.UserId).GetFromJsonAsync<JsonElement>($"/api/jobs/{job.Id}", TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (read.RootElement.GetProperty("records").GetInt32(), read.RootElement.GetProperty("failed").GetInt32()));
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("processor_failed", failed.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("RetriesExhausted: Runtime exited with error: signal: killed", failed.GetProperty("error").GetProperty("message").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaUnreachable_TheJobFailsWithDispatchFailed()
    {
        var bucket = AwsBackendFixture.UniqueName("lambda-down");
        var table = AwsBackendFixture.UniqueName("lambda-down");
        await using var api = new ApiFactory(backend, bucket, table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:9/", // nothing listens: connection refused
        });
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        var created = await alice.CreateJobAsync(new { uploadId });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("dispatch_failed", job.GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<(ApiFactory Api, LambdaHarness Lambda)> StartAsync(string name, Dictionary<string, string?> processorSettings)
    {
        var bucket = AwsBackendFixture.UniqueName(name);
        var table = AwsBackendFixture.UniqueName(name);
        var api = new ApiFactory(backend, bucket, table);
        _ = api.Server; // bootstraps the bucket and table
        var environment = LambdaFlowTests.ProcessorEnvironment(backend, bucket, table);
        foreach (var (key, value) in processorSettings)
        {
            environment[key] = value;
        }

        return (api, await LambdaHarness.StartAsync(environment));
    }

    private async Task<Job> StrandedJobAsync(ApiFactory api, int tries = 0)
    {
        var user = "stranded-" + StorageLayout.NewId()[..8];
        using var client = api.ClientFor(user);
        var uploadId = await client.UploadAsync(await videos.H264Gop2Async());
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = StorageLayout.NewId(),
            UserId = user,
            SourceKey = StorageLayout.UploadKey(user, uploadId),
            Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: false),
            Method = ProcessingMethod.Lambda,
            CreatedAt = now,
            UpdatedAt = now,
            Attempt = tries,
            Tries = tries,
        };
        await api.Services.GetRequiredService<JobStore>().CreateAsync(job, TestContext.Current.CancellationToken);
        return job;
    }

    private static async Task<JsonDocument> InvokeAsync(LambdaHarness lambda, string payload)
    {
        using var http = new HttpClient { BaseAddress = lambda.Endpoint, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"2015-03-31/functions/{LambdaHarness.FunctionName}/invocations", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", "RequestResponse");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode && !response.Headers.Contains("X-Amz-Function-Error"), $"{(int)response.StatusCode}: {body}\n{lambda.ProcessorOutput}");
        return JsonDocument.Parse(body);
    }
}
