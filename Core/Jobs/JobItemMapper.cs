using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace VideoAspire.Core.Jobs;

/// <summary>Maps <see cref="Job"/> to and from its DynamoDB item. Attribute names live in <see cref="JobsTableSchema"/>.</summary>
internal static class JobItemMapper
{
    public static Dictionary<string, AttributeValue> ToItem(Job job)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [JobsTableSchema.JobId] = new(job.Id),
            [JobsTableSchema.UserId] = new(job.UserId),
            [JobsTableSchema.CreatedAt] = new(Timestamp(job.CreatedAt)),
            [JobsTableSchema.UpdatedAt] = new(Timestamp(job.UpdatedAt)),
            [JobsTableSchema.Status] = new(Status(job.Status)),
            [JobsTableSchema.Stage] = new(job.Stage),
            [JobsTableSchema.Progress] = Number(job.Progress),
            [JobsTableSchema.Attempt] = Number(job.Attempt),
            [JobsTableSchema.Tries] = Number(job.Tries),
            [JobsTableSchema.Method] = new(Method(job.Method)),
            [JobsTableSchema.SourceKey] = new(job.SourceKey),
            [JobsTableSchema.Options] = new(JsonSerializer.Serialize(job.Options, JobJson.TypeInfo<JobOptions>())),
            [JobsTableSchema.Segments] = new(JsonSerializer.Serialize(job.Segments, JobJson.TypeInfo<IReadOnlyList<JobSegment>>())),
        };
        if (job.Encoding is not null)
        {
            item[JobsTableSchema.Encoding] = new(JsonSerializer.Serialize(job.Encoding, JobJson.TypeInfo<JobEncoding>()));
        }

        if (job.Status is JobStatus.Queued or JobStatus.Processing)
        {
            item[JobsTableSchema.Unfinished] = new(Method(job.Method));
        }

        return item;
    }

    public static Job FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        Id = item[JobsTableSchema.JobId].S,
        UserId = item[JobsTableSchema.UserId].S,
        CreatedAt = ParseTimestamp(item[JobsTableSchema.CreatedAt].S),
        UpdatedAt = ParseTimestamp(item[JobsTableSchema.UpdatedAt].S),
        Status = ParseStatus(item[JobsTableSchema.Status].S),
        Stage = item[JobsTableSchema.Stage].S,
        Progress = double.Parse(item[JobsTableSchema.Progress].N, CultureInfo.InvariantCulture),
        Attempt = int.Parse(item[JobsTableSchema.Attempt].N, CultureInfo.InvariantCulture),
        Tries = item.TryGetValue(JobsTableSchema.Tries, out var tries) && tries.N is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 0,
        Method = item[JobsTableSchema.Method].S == "lambda" ? ProcessingMethod.Lambda : ProcessingMethod.InProcess,
        SourceKey = item[JobsTableSchema.SourceKey].S,
        Options = JsonSerializer.Deserialize(item[JobsTableSchema.Options].S, JobJson.TypeInfo<JobOptions>())!,
        Segments = JsonSerializer.Deserialize(item[JobsTableSchema.Segments].S, JobJson.TypeInfo<List<JobSegment>>()) ?? [],
        StoredSegments = ParseStatus(item[JobsTableSchema.Status].S) == JobStatus.Processing
            && item.TryGetValue(JobsTableSchema.StoredSegments, out var stored) ? StoredSegmentList.FromAttribute(stored) : [],
        StartedAt = OptionalTimestamp(item, JobsTableSchema.StartedAt),
        CompletedAt = OptionalTimestamp(item, JobsTableSchema.CompletedAt),
        HeartbeatAt = OptionalTimestamp(item, JobsTableSchema.HeartbeatAt),
        FirstSegmentAt = OptionalTimestamp(item, JobsTableSchema.FirstSegmentAt),
        InputDurationSeconds = item.TryGetValue(JobsTableSchema.InputDuration, out var d) && d.N is { } n
            ? double.Parse(n, CultureInfo.InvariantCulture) : null,
        Encoding = item.TryGetValue(JobsTableSchema.Encoding, out var e) && e.S is { } encoding
            ? JsonSerializer.Deserialize(encoding, JobJson.TypeInfo<JobEncoding>()) : null,
        Error = OptionalError(item, JobsTableSchema.ErrorCode, JobsTableSchema.ErrorMessage),
        LastError = OptionalError(item, JobsTableSchema.LastErrorCode, JobsTableSchema.LastErrorMessage),
    };

    private static JobError? OptionalError(Dictionary<string, AttributeValue> item, string codeName, string messageName) =>
        item.TryGetValue(codeName, out var code) && code.S is { } c
            ? new JobError(c, item.TryGetValue(messageName, out var m) ? m.S ?? "" : "")
            : null;

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static AttributeValue Number(double value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    public static string Status(JobStatus status) => status.ToString().ToUpperInvariant();

    public static string Method(ProcessingMethod method) => method.ToWireName();

    private static JobStatus ParseStatus(string value) => Enum.Parse<JobStatus>(value, ignoreCase: true);

    private static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? OptionalTimestamp(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { } s ? ParseTimestamp(s) : null;
}
