using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>The Processor's failure paths under the Lambda service emulator: a function error, SIGTERM, an init error.</summary>
[Collection(AwsCollectionDefinition.Name)]
public sealed class LambdaFailureTests(AwsBackendFixture backend, TestVideos videos)
{
    [Fact]
    public async Task FunctionError_IsRecordedOnTheJobAndReportedToLambda()
    {
        var bucket = AwsBackendFixture.UniqueName("lambda-fail");
        var table = AwsBackendFixture.UniqueName("lambda-fail");
        await using var bootstrap = new ApiFactory(backend, bucket, table);
        _ = bootstrap.Server;
        // A deployment whose FFmpeg layer is missing: ffprobe works (a local one), ffmpeg does not exist.
        var environment = LambdaFlowTests.ProcessorEnvironment(backend, bucket, table);
        environment["Video__FfmpegPath"] = "/opt/bin/ffmpeg-not-deployed";
        await using var lambda = await LambdaHarness.StartAsync(environment);
        await using var api = new ApiFactory(backend, bucket, table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Endpoint.ToString(),
        });
        using var alice = api.ClientFor("alice");
        var uploadId = await alice.UploadAsync(await videos.NoAudioAsync());

        var created = await alice.CreateJobAsync(new { uploadId });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!);
        // A function error is retried as Lambda does; the retry finds the job already FAILED and skips it.
        var ended = await lambda.WaitForResultsAsync(2, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("tool_unavailable", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal([1, 2], ended.Select(r => r.Attempt));
        Assert.False(ended[1].Error);
        Assert.Equal("skipped", JsonDocument.Parse(ended[1].Body).RootElement.GetProperty("outcome").GetString());
        var result = ended[0];
        Assert.True(result.Error);
        Assert.Equal("ToolNotFoundException", result.ErrorType);
        using var error = JsonDocument.Parse(result.Body);
        Assert.Contains("ffmpeg-not-deployed", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(error.RootElement.GetProperty("stackTrace").EnumerateArray());
    }

    [Fact]
    public async Task Sigterm_DuringAJob_GivesTheJobBackAndFailsTheInvocationForRetry()
    {
        var bucket = AwsBackendFixture.UniqueName("lambda-term");
        var table = AwsBackendFixture.UniqueName("lambda-term");
        await using var bootstrap = new ApiFactory(backend, bucket, table);
        _ = bootstrap.Server;
        await using var lambda = await LambdaHarness.StartAsync(LambdaFlowTests.ProcessorEnvironment(backend, bucket, table));
        await using var api = new ApiFactory(backend, bucket, table, new Dictionary<string, string?>
        {
            ["Processing:Mode"] = "Lambda",
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Endpoint.ToString(),
        });
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
        Assert.True(result.ErrorType == "Runtime.Shutdown", $"{result.ErrorType}: {result.Body}\n{lambda.ProcessorOutput}");
        var job = await alice.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal(0, lambda.ProcessorExitCode);
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
