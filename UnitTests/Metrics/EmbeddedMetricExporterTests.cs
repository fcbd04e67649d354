using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Metrics;

namespace VideoAspire.UnitTests.Metrics;

/// <summary>The exporter driven by the real <see cref="JobTelemetry"/>: what a finished job writes to stdout.</summary>
public sealed class EmbeddedMetricExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddMetrics()
        .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "exporter-tests" })
        .AddSingleton<JobTelemetry>()
        .BuildServiceProvider();

    private readonly StringWriter _output = new();

    [Fact]
    public async Task FinishedJob_WritesJobsFinishedAndDurationLinesWithMethodAndOutcome()
    {
        using var exporter = await StartAsync("exporter-tests");

        _services.GetRequiredService<JobTelemetry>().Finished(ProcessingMethod.Lambda, "completed", TimeSpan.FromSeconds(42.5));

        var lines = Lines();
        Assert.Equal(2, lines.Count);
        var duration = Assert.Single(lines, l => l.TryGetProperty(CloudWatchJobMetrics.JobDuration, out _));
        Assert.Equal(42.5, duration.GetProperty(CloudWatchJobMetrics.JobDuration).GetDouble());
        var finished = Assert.Single(lines, l => l.TryGetProperty(CloudWatchJobMetrics.JobsFinished, out _));
        Assert.Equal(1, finished.GetProperty(CloudWatchJobMetrics.JobsFinished).GetDouble());
        Assert.Equal("lambda", finished.GetProperty(CloudWatchJobMetrics.MethodDimension).GetString());
        Assert.Equal("completed", finished.GetProperty(CloudWatchJobMetrics.OutcomeDimension).GetString());
        var metricSet = finished.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("VideoAspire/test", metricSet.GetProperty("Namespace").GetString());
        Assert.Equal("""[["Method","Outcome"]]""", metricSet.GetProperty("Dimensions").GetRawText());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            finished.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
    }

    [Fact]
    public async Task StoredSegment_WritesSegmentsCreatedByMethodOnly()
    {
        using var exporter = await StartAsync("exporter-tests");

        _services.GetRequiredService<JobTelemetry>().SegmentStored(ProcessingMethod.InProcess);

        var line = Assert.Single(Lines());
        Assert.Equal(1, line.GetProperty(CloudWatchJobMetrics.SegmentsCreated).GetDouble());
        Assert.Equal("in-process", line.GetProperty(CloudWatchJobMetrics.MethodDimension).GetString());
        Assert.False(line.TryGetProperty(CloudWatchJobMetrics.OutcomeDimension, out _));
    }

    [Fact]
    public async Task AnotherApplicationsMeter_IsNotExported()
    {
        using var exporter = await StartAsync("some-other-service");

        _services.GetRequiredService<JobTelemetry>().Finished(ProcessingMethod.Lambda, "failed", TimeSpan.FromSeconds(1));

        Assert.Empty(Lines());
    }

    [Fact]
    public async Task AfterStop_NothingIsWritten()
    {
        using var exporter = await StartAsync("exporter-tests");
        await exporter.StopAsync(TestContext.Current.CancellationToken);

        _services.GetRequiredService<JobTelemetry>().Finished(ProcessingMethod.Lambda, "failed", TimeSpan.FromSeconds(1));

        Assert.Empty(Lines());
    }

    public void Dispose()
    {
        _services.Dispose();
        _output.Dispose();
    }

    private async Task<EmbeddedMetricExporter> StartAsync(string meterName)
    {
        var exporter = new EmbeddedMetricExporter(meterName, "VideoAspire/test", _output,
            new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        await exporter.StartAsync(TestContext.Current.CancellationToken);
        return exporter;
    }

    private List<JsonElement> Lines() =>
        [.. _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
