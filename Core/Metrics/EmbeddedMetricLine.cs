using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VideoAspire.Core.Metrics;

/// <summary>
/// One measurement in CloudWatch's embedded metric format: a JSON object on one log line whose "_aws" member tells
/// CloudWatch Logs to extract a metric from it. Lambda sends the function's stdout to CloudWatch Logs, which does the
/// extraction; no agent, SDK call or permission is needed. Written by hand (no reflection) for the AOT-compiled Processor.
/// </summary>
public static class EmbeddedMetricLine
{
    public static string Format(string metricNamespace, string metric, string unit, double value,
        IReadOnlyList<KeyValuePair<string, string>> dimensions, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var dimension in dimensions)
            {
                json.WriteStringValue(dimension.Key);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", metric);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var dimension in dimensions)
            {
                json.WriteString(dimension.Key, dimension.Value);
            }

            json.WriteNumber(metric, value);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
