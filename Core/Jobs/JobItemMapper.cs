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

    public static Job FromItem(Dictionary<string, AttributeValue> item)
    {
        var job = FromJobAttributes(item);
        if (!item.TryGetValue(JobsTableSchema.ChunkCount, out var count) || count.N is null)
        {
            return job;
        }

        var chunks = item.TryGetValue(JobsTableSchema.Chunks, out var map) && map.M is { } m
            ? m.Values.Select(ChunkFromMap).OrderBy(c => c.Index).ToList()
            : [];
        return job with
        {
            ChunkCount = int.Parse(count.N, CultureInfo.InvariantCulture),
            ChunkSeconds = OptionalNumber(item, JobsTableSchema.ChunkSeconds) ?? 0,
            ChunksDone = (int)(OptionalNumber(item, JobsTableSchema.ChunksDone) ?? 0),
            Chunks = chunks,
            Progress = job.Status == JobStatus.Processing && chunks.Count > 0 ? ChunkedProgress(chunks) : job.Progress,
            StoredSegments = job.Status == JobStatus.Processing && chunks.Count > 0
                ? StoredSegmentList.LatestPerIndex(chunks.SelectMany(c => c.StoredSegments))
                : job.StoredSegments,
        };
    }

    /// <summary>The map of one chunk in a new split (QUEUED, never claimed).</summary>
    public static AttributeValue ChunkToMap(int index, double startSeconds, double durationSeconds, DateTimeOffset now) => new()
    {
        M = new Dictionary<string, AttributeValue>
        {
            [ChunkIndexName] = Number(index),
            [JobsTableSchema.Status] = new(ChunkStatusName(ChunkStatus.Queued)),
            [JobsTableSchema.Attempt] = Number(0),
            [JobsTableSchema.Tries] = Number(0),
            [JobsTableSchema.Progress] = Number(0),
            [JobsTableSchema.ChunkStart] = Number(Math.Round(startSeconds, 6)),
            [JobsTableSchema.ChunkDuration] = Number(Math.Round(durationSeconds, 6)),
            [JobsTableSchema.UpdatedAt] = new(Timestamp(now)),
        },
    };

    /// <summary>The key of chunk <paramref name="index"/> in the chunks map.</summary>
    public static string ChunkKey(int index) => string.Create(CultureInfo.InvariantCulture, $"c{index}");

    public static string ChunkStatusName(ChunkStatus status) => status.ToString().ToUpperInvariant();

    private const string ChunkIndexName = "index";

    private static JobChunk ChunkFromMap(AttributeValue value)
    {
        var m = value.M;
        return new JobChunk
        {
            Index = int.Parse(m[ChunkIndexName].N, CultureInfo.InvariantCulture),
            Status = Enum.Parse<ChunkStatus>(m[JobsTableSchema.Status].S, ignoreCase: true),
            Attempt = int.Parse(m[JobsTableSchema.Attempt].N, CultureInfo.InvariantCulture),
            Tries = int.Parse(m[JobsTableSchema.Tries].N, CultureInfo.InvariantCulture),
            Progress = OptionalNumber(m, JobsTableSchema.Progress) ?? 0,
            StartSeconds = OptionalNumber(m, JobsTableSchema.ChunkStart) ?? 0,
            DurationSeconds = OptionalNumber(m, JobsTableSchema.ChunkDuration) ?? 0,
            HeartbeatAt = OptionalTimestamp(m, JobsTableSchema.HeartbeatAt),
            UpdatedAt = ParseTimestamp(m[JobsTableSchema.UpdatedAt].S),
            LastError = OptionalError(m, JobsTableSchema.LastErrorCode, JobsTableSchema.LastErrorMessage),
            StoredSegments = m.TryGetValue(JobsTableSchema.StoredSegments, out var stored) ? StoredSegmentList.FromAttribute(stored) : [],
        };
    }

    /// <summary>The job's progress as the chunks' progress weighted by the input each covers.</summary>
    private static double ChunkedProgress(IReadOnlyList<JobChunk> chunks)
    {
        var total = chunks.Sum(c => c.DurationSeconds);
        var done = chunks.Sum(c => (c.Status == ChunkStatus.Done ? 100 : c.Progress) * c.DurationSeconds);
        return total > 0 ? Math.Round(done / total, 1) : 0;
    }

    private static double? OptionalNumber(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? double.Parse(n, CultureInfo.InvariantCulture) : null;

    private static Job FromJobAttributes(Dictionary<string, AttributeValue> item) => new()
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
