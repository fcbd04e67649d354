using System.Text.Json;
using VideoAspire.Core.Storage;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The Processor's failure queue, read back: an SQS event (<c>{"Records":[{"eventSource":"aws:sqs","body":"…"}]}</c>)
/// whose bodies are Lambda's on-failure records for asynchronous invocations
/// (<c>{"requestContext":{"condition":"RetriesExhausted",…},"requestPayload":{…the event…},"responsePayload":{"errorMessage":…}}</c>).
/// Read with JsonDocument: the shape belongs to AWS, and only three fields matter.
/// </summary>
public static class FailureRecords
{
    /// <summary>One job event Lambda gave up on, with the reason in words.</summary>
    public sealed record GivenUp(string JobId, string Reason);

    /// <summary>True when <paramref name="json"/> is an SQS event; <paramref name="jobs"/> then holds the job events it carried (others are ignored).</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out IReadOnlyList<GivenUp> jobs)
    {
        jobs = [];
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var found = new List<GivenUp>();
            foreach (var record in records.EnumerateArray())
            {
                if (record.ValueKind == JsonValueKind.Object && Text(record, "eventSource") == "aws:sqs" && Text(record, "body") is { } body
                    && Read(body) is { } givenUp)
                {
                    found.Add(givenUp);
                }
            }

            jobs = found;
            return true;
        }
    }

    private static GivenUp? Read(string body)
    {
        try
        {
            using var record = JsonDocument.Parse(body);
            var root = record.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requestPayload", out var payload) || payload.ValueKind != JsonValueKind.Object
                || Text(payload, "kind") is not (null or ProcessorEvent.JobKind) || Text(payload, "jobId") is not { } jobId || !StorageLayout.IsValidId(jobId))
            {
                return null;
            }

            var condition = root.TryGetProperty("requestContext", out var context) && context.ValueKind == JsonValueKind.Object
                ? Text(context, "condition") : null;
            var message = root.TryGetProperty("responsePayload", out var response) && response.ValueKind == JsonValueKind.Object
                ? Text(response, "errorMessage") : null;
            var reason = string.Join(": ", new[] { condition ?? "failed", message }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new GivenUp(jobId, reason.Length > 500 ? reason[..500] : reason);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
