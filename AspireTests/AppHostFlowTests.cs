using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using VideoAspire.AspireTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.AspireTests;

/// <summary>
/// `dotnet run --project AppHost` as a client sees it, on the embedded backend: the Processor behind the
/// Lambda service emulator (two replicas), the Api dispatching to it in Lambda mode. One AppHost for the class.
/// </summary>
public sealed class AppHostFlowTests(AppHostFlowTests.LambdaModeApp fixture, TestVideos videos) : IClassFixture<AppHostFlowTests.LambdaModeApp>
{
    private AspireApp Aspire => fixture.App;

    [Fact]
    public async Task AppHost_EveryResource_IsRunningAndHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        string[] backend = Aspire.LocalStack ? ["localstack"] : ["s3", "dynamodb"];
        foreach (var name in backend.Append("lambda").Append("api"))
        {
            await Aspire.App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        await Aspire.App.ResourceNotifications.WaitForResourceAsync("processor", KnownResourceStates.Running, timeout.Token);
        var model = Aspire.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.Subset(model.Resources.Select(r => r.Name).ToHashSet(), backend.Append("lambda").Append("processor").Append("api").ToHashSet());
    }

    [Fact]
    public async Task LambdaJob_FromPresignedPut_CompletesAndItsSegmentsPlay()
    {
        using var alice = await Aspire.ClientForAsync("alice");
        var uploadId = await alice.UploadAsync(await videos.H264Gop2Async());

        var created = await alice.CreateJobAsync(new { uploadId, thumbnails = true });
        var job = await alice.WaitForJobAsync(created.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));

        Assert.Equal("lambda", created.GetProperty("method").GetString());
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var segments = job.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(3, segments.Count);
        foreach (var segment in segments)
        {
            var duration = await DownloadAndProbeAsync(segment.GetProperty("url").GetString()!);
            Assert.InRange(duration, 9.5, 10.5);
        }
    }

    [Fact]
    public async Task LambdaJob_FromMultipartUpload_Completes()
    {
        using var bob = await Aspire.ClientForAsync("bob");
        var (uploadId, parts) = await bob.UploadMultipartAsync(await videos.H264LargeAsync());

        var created = await bob.CreateJobAsync(new { uploadId, cutting = new { mode = "fixed", segmentSeconds = 5 } });
        var job = await bob.WaitForJobAsync(created.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));

        Assert.True(parts >= 2, $"{parts} parts");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(4, job.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public async Task BrokenInput_FailsWithItsCodeAndLeavesNothingUnderTheJob()
    {
        using var carol = await Aspire.ClientForAsync("carol");
        var uploadId = await carol.UploadAsync(await videos.NotAVideoAsync());

        var created = await carol.CreateJobAsync(new { uploadId });
        var id = created.GetProperty("id").GetString()!;
        var job = await carol.WaitForJobAsync(id, TimeSpan.FromMinutes(2));
        using var s3 = Aspire.CreateS3Client();
        var left = await s3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = "videoaspire-videos", Prefix = $"jobs/{id}/" }, TestContext.Current.CancellationToken);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("unreadable_input", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task OneJob_IsOneTraceAcrossApiLambdaEmulatorAndProcessor()
    {
        using var dave = await Aspire.ClientForAsync("dave");
        var uploadId = await dave.UploadAsync(await videos.NoAudioAsync());
        var created = await dave.CreateJobAsync(new { uploadId, thumbnails = false });
        await dave.WaitForJobAsync(created.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));

        var trace = await WaitForTraceAsync(s => s.Service == "processor" && s.Name == "job.execute", ["api", "lambda", "processor"]);

        var services = trace.Select(s => s.Service).ToHashSet();
        Assert.Superset(new HashSet<string> { "api", "lambda", "processor" }, services);
        Assert.Contains(trace, s => s.Service == "api" && s.Name.StartsWith("POST", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Service == "lambda" && s.Name == "lambda.invoke processor");
    }

    private async Task<List<ReceivedSpan>> WaitForTraceAsync(Func<ReceivedSpan, bool> anchor, string[] services)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var spans = Aspire.Telemetry.Spans.ToList();
            var traces = spans.Where(anchor).Select(s => s.TraceId).ToHashSet();
            var complete = traces.Select(t => spans.Where(s => s.TraceId == t).ToList())
                .FirstOrDefault(t => services.All(service => t.Any(s => s.Service == service)));
            if (complete is not null)
            {
                return complete;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"No trace with spans of {string.Join(", ", services)}. Received: " +
                string.Join("; ", spans.Select(s => $"{s.Service}:{s.Name}:{s.TraceId[..8]}").Distinct().Take(60)));
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<double> DownloadAndProbeAsync(string url)
    {
        using var browser = new HttpClient();
        var file = Path.Combine(Path.GetTempPath(), $"videoaspire-aspire-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(file, await browser.GetByteArrayAsync(new Uri(url), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            return await FfprobeReader.VideoDurationAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One AppHost in Lambda mode for the whole class.</summary>
    public sealed class LambdaModeApp : IAsyncLifetime
    {
        public AspireApp App { get; private set; } = null!;

        public async ValueTask InitializeAsync() => App = await AspireApp.StartAsync();

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
