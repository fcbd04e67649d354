using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The versioned payload the Api sends to the Processor function. Version 1:
/// <c>{"version":1,"kind":"job","jobId":"…","bucket":"…","key":"…","options":{…},"traceparent":"00-…"}</c>
/// or one chunk of a split job's attempt, <c>{"version":1,"kind":"chunk","jobId":"…","attempt":2,"chunk":3,…}</c>,
/// or <c>{"version":1,"kind":"ping"}</c>, or <c>{"version":1,"kind":"sweep"}</c> (sent on a schedule: find stranded
/// Lambda jobs and dispatch them again). The job record stays the source of truth; bucket, key and options
/// travel for logs and for people reading the Lambda console.
/// </summary>
public sealed record ProcessorEvent
{
    public const int CurrentVersion = 1;
    public const string JobKind = "job";
    public const string ChunkKind = "chunk";
    public const string PingKind = "ping";
    public const string SweepKind = "sweep";

    public int Version { get; init; } = CurrentVersion;

    public string Kind { get; init; } = JobKind;

    public string? JobId { get; init; }

    /// <summary>For a chunk: the job's attempt that split it (a chunk of an older attempt is refused when claimed).</summary>
    public int? Attempt { get; init; }

    /// <summary>For a chunk: its index in the split.</summary>
    public int? Chunk { get; init; }

    public string? Bucket { get; init; }

    public string? Key { get; init; }

    public JobOptions? Options { get; init; }

    /// <summary>W3C trace context of the dispatching request, so one trace shows the whole job.</summary>
    public string? Traceparent { get; init; }

    public static ProcessorEvent ForJob(Job job, string bucket, string? traceparent)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ProcessorEvent { JobId = job.Id, Bucket = bucket, Key = job.SourceKey, Options = job.Options, Traceparent = traceparent };
    }

    public static ProcessorEvent ForChunk(Job job, int chunk, string bucket, string? traceparent) =>
        ForJob(job, bucket, traceparent) with { Kind = ChunkKind, Attempt = job.Attempt, Chunk = chunk };

    /// <summary>The work a job or chunk event asks for.</summary>
    public JobWork ToWork() => Kind == ChunkKind ? JobWork.ForChunk(JobId!, Attempt!.Value, Chunk!.Value) : JobWork.ForJob(JobId!);

    public static ProcessorEvent Ping() => new() { Kind = PingKind };

    public static ProcessorEvent Sweep() => new() { Kind = SweepKind };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JobJson.TypeInfo<ProcessorEvent>());

    /// <summary>Reads and checks an event; throws <see cref="InvalidEventException"/> saying what is wrong.</summary>
    public static ProcessorEvent Parse(ReadOnlySpan<byte> json)
    {
        ProcessorEvent? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, JobJson.TypeInfo<ProcessorEvent>());
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The event is not valid JSON for this function: {e.Message}", e);
        }

        if (parsed is null)
        {
            throw new InvalidEventException("The event is empty.");
        }

        if (parsed.Version != CurrentVersion)
        {
            throw new InvalidEventException($"Unsupported event version {parsed.Version}; this Processor understands version {CurrentVersion}.");
        }

        return parsed.Kind switch
        {
            PingKind or SweepKind => parsed,
            JobKind when Storage.StorageLayout.IsValidId(parsed.JobId) => parsed,
            JobKind => throw new InvalidEventException("A job event needs a jobId of 32 hex characters."),
            ChunkKind when Storage.StorageLayout.IsValidId(parsed.JobId) && parsed.Attempt >= 1 && parsed.Chunk >= 0 => parsed,
            ChunkKind => throw new InvalidEventException("A chunk event needs a jobId of 32 hex characters, an attempt of at least 1 and a chunk of at least 0."),
            _ => throw new InvalidEventException($"Unknown event kind '{parsed.Kind}'; expected 'job', 'chunk', 'ping' or 'sweep'."),
        };
    }
}

/// <summary>The event cannot be processed as sent (reported to Lambda as a function error of this type).</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
    {
    }

    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
