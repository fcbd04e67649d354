using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The service's one ActivitySource and one Meter, both named after the application (what ServiceDefaults
/// subscribes to), with the job metrics of DESIGN section 9.
/// </summary>
public sealed class JobTelemetry : IDisposable
{
    public const string DurationInstrument = "video.processing.duration";
    public const string SegmentsInstrument = "video.segments.created";
    public const string JobsFinishedInstrument = "video.jobs.finished";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _segments;
    private readonly Counter<long> _jobs;

    public JobTelemetry(IMeterFactory meterFactory, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(environment);
        Source = new ActivitySource(environment.ApplicationName);
        _meter = meterFactory.Create(environment.ApplicationName);
        _duration = _meter.CreateHistogram<double>(DurationInstrument, "s", "Time from claim to outcome of one job attempt.");
        _segments = _meter.CreateCounter<long>(SegmentsInstrument, "{segment}", "Segments stored.");
        _jobs = _meter.CreateCounter<long>(JobsFinishedInstrument, "{job}", "Job attempts by outcome.");
    }

    public ActivitySource Source { get; }

    public void SegmentStored(ProcessingMethod method) => _segments.Add(1, MethodTag(method));

    /// <summary>The "outcome" tag's value ("completed", "retry"); the alarms and dashboard (Infrastructure) watch the same values.</summary>
    public static string OutcomeTag(JobOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public void Finished(ProcessingMethod method, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { MethodTag(method), { "outcome", outcome } };
        _duration.Record(elapsed.TotalSeconds, tags);
        _jobs.Add(1, tags);
    }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }

    private static KeyValuePair<string, object?> MethodTag(ProcessingMethod method) =>
        new("method", method.ToWireName());
}
