using VideoAspire.Core.Jobs;

namespace VideoAspire.Core.Metrics;

/// <summary>
/// The job metrics as CloudWatch sees them: which <see cref="JobTelemetry"/> instrument becomes which metric, and how
/// tags become dimensions. The Processor writes them (<see cref="EmbeddedMetricExporter"/>) and the stack's dashboard
/// reads them, both from these names, so they cannot drift apart.
/// </summary>
public static class CloudWatchJobMetrics
{
    /// <summary>Configuration key of the namespace; the exporter runs only when it is set (the stack sets it on the Processor).</summary>
    public const string NamespaceKey = "Metrics:Namespace";

    public const string JobsFinished = "JobsFinished";

    public const string JobDuration = "JobDuration";

    public const string SegmentsCreated = "SegmentsCreated";

    public const string MethodDimension = "Method";

    public const string OutcomeDimension = "Outcome";

    /// <summary>Instrument name to CloudWatch metric name and unit.</summary>
    public static IReadOnlyDictionary<string, (string Name, string Unit)> ByInstrument { get; } =
        new Dictionary<string, (string Name, string Unit)>(StringComparer.Ordinal)
        {
            [JobTelemetry.JobsFinishedInstrument] = (JobsFinished, "Count"),
            [JobTelemetry.DurationInstrument] = (JobDuration, "Seconds"),
            [JobTelemetry.SegmentsInstrument] = (SegmentsCreated, "Count"),
        };

    /// <summary>Tag name to dimension name ("method" is "Method").</summary>
    public static string Dimension(string tag) =>
        string.IsNullOrEmpty(tag) ? tag : string.Concat(char.ToUpperInvariant(tag[0]).ToString(), tag[1..]);
}
