using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace VideoAspire.Core.Metrics;

/// <summary>
/// Listens to the job instruments of this application's Meter and writes every measurement as one embedded-metric
/// line to <paramref name="output"/> (stdout in the Processor, which Lambda ships to CloudWatch Logs). The
/// OpenTelemetry pipeline is untouched: this is a second listener, so OTLP export still works where it is configured.
/// </summary>
public sealed class EmbeddedMetricExporter(string meterName, string metricNamespace, TextWriter output, TimeProvider timeProvider)
    : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && CloudWatchJobMetrics.ByInstrument.ContainsKey(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Write(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Write(instrument, value, tags));
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    private void Write(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (metric, unit) = CloudWatchJobMetrics.ByInstrument[instrument.Name];
        var dimensions = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            dimensions.Add(new(CloudWatchJobMetrics.Dimension(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }

        // One WriteLine per measurement: Console.Out is synchronized, so lines never interleave with log lines.
        output.WriteLine(EmbeddedMetricLine.Format(metricNamespace, metric, unit, value, dimensions, timeProvider.GetUtcNow()));
    }
}
