using VideoAspire.Api.Diagnostics;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Lambda;

public sealed class ProcessingStatsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Job Job(ProcessingMethod method, JobStatus status, double seconds, int segments) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        UserId = "u",
        SourceKey = "k",
        Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, false),
        Method = method,
        Status = status,
        CreatedAt = T0,
        StartedAt = status == JobStatus.Queued ? null : T0,
        CompletedAt = status is JobStatus.Completed or JobStatus.Failed ? T0.AddSeconds(seconds) : null,
        Segments = [.. Enumerable.Range(0, segments).Select(i => new JobSegment(i, i * 10, 10, 1, $"k{i}", null))],
    };

    [Fact]
    public void Compute_PerMethod_CountsRatesPercentilesAndSegments()
    {
        Job[] jobs =
        [
            .. Enumerable.Range(1, 20).Select(i => Job(ProcessingMethod.Lambda, JobStatus.Completed, i, 3)),
            Job(ProcessingMethod.Lambda, JobStatus.Failed, 1, 0),
            Job(ProcessingMethod.InProcess, JobStatus.Completed, 4, 2),
            Job(ProcessingMethod.InProcess, JobStatus.Queued, 0, 0),
        ];

        var stats = ProcessingStats.Compute(jobs);

        var inProcess = stats.Single(s => s.Method == "in-process");
        var lambda = stats.Single(s => s.Method == "lambda");
        Assert.Equal(new MethodStats("lambda", 21, 20, 1, 0.9524, 10, 19, 60), lambda);
        Assert.Equal(new MethodStats("in-process", 2, 1, 0, 1, 4, 4, 2), inProcess);
    }

    [Fact]
    public void Compute_NothingFinished_HasNoRates()
    {
        var stats = ProcessingStats.Compute([Job(ProcessingMethod.Lambda, JobStatus.Queued, 0, 0)]);

        Assert.Equal(new MethodStats("lambda", 1, 0, 0, null, null, null, 0), Assert.Single(stats));
    }
}
