using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.AspireTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.AspireTests;

/// <summary>The AppHost's processing switches, each on an AppHost of its own, and a clean stop.</summary>
public sealed class AppHostModeTests(TestVideos videos)
{
    [Fact]
    public async Task RollbackSwitch_InProcessMode_RunsJobsInTheApi()
    {
        await using var aspire = await AspireApp.StartAsync(new Dictionary<string, string> { ["Processing:Mode"] = "InProcess" });
        using var erin = await aspire.ClientForAsync("erin");
        var uploadId = await erin.UploadAsync(await videos.NoAudioAsync());

        var created = await erin.CreateJobAsync(new { uploadId });
        var job = await erin.WaitForJobAsync(created.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));

        Assert.Equal("in-process", created.GetProperty("method").GetString());
        Assert.Equal("completed", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HalfRollout_UsesBothMethods_AndDiagnosticsReportsEach_ThenStopLeavesNoProcess()
    {
        var aspire = await AspireApp.StartAsync(new Dictionary<string, string> { ["Processing:LambdaPercent"] = "50", ["Processor:Replicas"] = "1" });
        IReadOnlyDictionary<int, string> processes;
        string[] programs = aspire.LocalStack
            ? ["VideoAspire.LambdaEmulator", "/Processor", "/Api"]
            : ["server.js --service s3", "server.js --service dynamodb", "VideoAspire.LambdaEmulator", "/Processor", "/Api"];
        try
        {
            using var frank = await aspire.ClientForAsync("frank", "operator");
            var uploadId = await frank.UploadAsync(await videos.NoAudioAsync());
            var created = new List<JsonElement>();
            while (created.Count < 16 && !(Count(created, "lambda") >= 1 && Count(created, "in-process") >= 1))
            {
                created.Add(await frank.CreateJobAsync(new { uploadId, thumbnails = false }));
            }

            var jobs = await Task.WhenAll(created.Select(j => frank.WaitForJobAsync(j.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2))));
            var stats = await frank.GetFromJsonAsync<JsonElement>("/api/diagnostics/processing", TestContext.Current.CancellationToken);
            // The backend's processes, lambda, api and one Processor.
            processes = await aspire.ProcessTreeAsync(expectedInstances: programs.Length);

            Assert.All(jobs, j => Assert.Equal("completed", j.GetProperty("status").GetString()));
            foreach (var method in new[] { "lambda", "in-process" })
            {
                var row = stats.EnumerateArray().Single(r => r.GetProperty("method").GetString() == method);
                Assert.True(row.GetProperty("completed").GetInt32() >= Count(created, method), row.ToString());
            }
        }
        finally
        {
            await aspire.DisposeAsync();
        }

        foreach (var program in programs)
        {
            Assert.Contains(processes.Values, commandLine => commandLine.Contains(program, StringComparison.Ordinal));
        }

        foreach (var (pid, commandLine) in processes)
        {
            Assert.True(await ProcessProbe.ExitedAsync(pid), $"process {pid} outlived the AppHost: {commandLine}");
        }
    }

    private static int Count(List<JsonElement> jobs, string method) => jobs.Count(j => j.GetProperty("method").GetString() == method);
}
