using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Diagnostics;

/// <summary>Is Lambda better? Per processing method, from the job records: volume, success, time, output.</summary>
internal static class ProcessingStats
{
    /// <summary>The newest finished jobs read per method: enough for stable percentiles, bounded cost.</summary>
    public const int MaxJobsPerMethod = 10_000;

    public static IReadOnlyList<MethodStats> Compute(IEnumerable<Job> jobs) =>
    [
        .. jobs.GroupBy(j => j.Method).OrderBy(g => g.Key).Select(group =>
        {
            var finished = group.Where(j => j.Status is JobStatus.Completed or JobStatus.Failed).ToList();
            var completed = finished.Where(j => j.Status == JobStatus.Completed).ToList();
            var seconds = completed.Where(j => j.StartedAt is not null && j.CompletedAt is not null)
                .Select(j => (j.CompletedAt!.Value - j.StartedAt!.Value).TotalSeconds).Order().ToList();
            return new MethodStats(
                group.Key.ToWireName(),
                group.Count(),
                completed.Count,
                finished.Count - completed.Count,
                finished.Count == 0 ? null : Math.Round((double)completed.Count / finished.Count, 4),
                Percentile(seconds, 0.50),
                Percentile(seconds, 0.95),
                completed.Sum(j => j.Segments.Count));
        }),
    ];

    /// <summary>Nearest-rank percentile; null when there is nothing to rank.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 3);
}

public sealed record MethodStats(
    string Method, int Jobs, int Completed, int Failed, double? SuccessRate, double? P50Seconds, double? P95Seconds, int SegmentsProduced);
