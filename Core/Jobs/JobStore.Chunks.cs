using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static VideoAspire.Core.Jobs.JobItemMapper;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The state of chunked jobs. A chunk's state lives in its job's item (map <see cref="JobsTableSchema.Chunks"/>), so
/// every chunk write is one conditional update of one item, checked against both the job's attempt and the chunk's:
/// a chunk of an attempt that lost the job, or a chunk attempt that lost the chunk, is refused like any stale writer.
/// What a chunk stored lives in an item of its own (<see cref="ChunkResult"/>), written before the chunk is marked DONE
/// and read by whoever commits the job. No transaction is needed: the update that marks the last chunk DONE returns the
/// whole item, so exactly one writer sees every chunk DONE.
/// </summary>
public sealed partial class JobStore
{
    /// <summary>
    /// PROCESSING (this attempt, one pass so far) -> split into QUEUED chunks of the given input ranges, cut by
    /// <paramref name="chunkSeconds"/>; false when the attempt no longer owns the job.
    /// </summary>
    public async Task<bool> SplitAsync(
        string jobId, int attempt, IReadOnlyList<(double StartSeconds, double DurationSeconds)> chunks, double chunkSeconds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var now = timeProvider.GetUtcNow();
        var map = new AttributeValue { M = [] };
        for (var i = 0; i < chunks.Count; i++)
        {
            map.M[ChunkKey(i)] = ChunkToMap(i, chunks[i].StartSeconds, chunks[i].DurationSeconds, now);
        }

        var update = new Update("SET #chunk_count = :count, #chunk_seconds = :seconds, #chunks = :chunks, #chunks_done = :zero, #stage = :stage, #progress = :zero, #heartbeat = :now, #updated = :now")
            .Name("#chunk_count", JobsTableSchema.ChunkCount).Name("#chunk_seconds", JobsTableSchema.ChunkSeconds)
            .Name("#chunks", JobsTableSchema.Chunks).Name("#chunks_done", JobsTableSchema.ChunksDone).Name("#stage", JobsTableSchema.Stage)
            .Name("#progress", JobsTableSchema.Progress).Name("#heartbeat", JobsTableSchema.HeartbeatAt).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":count", Number(chunks.Count)).Value(":seconds", Number(chunkSeconds)).Value(":chunks", map).Value(":zero", Number(0))
            .Value(":stage", JobStages.Cutting).Value(":now", Timestamp(now));
        return await TryUpdateAsync(jobId, OwnedBy(update, attempt), $"{OwnedCondition} AND attribute_not_exists(#chunk_count)",
            ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Chunk <paramref name="chunk"/> of <paramref name="attempt"/>: QUEUED, or PROCESSING with a stale heartbeat (its
    /// attempt died), -> PROCESSING with a new chunk attempt, while the chunk has tries left. The job as it now is, or
    /// null: a duplicate or late delivery, a live chunk attempt, a DONE chunk, an attempt that no longer owns the job.
    /// </summary>
    public async Task<Job?> TryClaimChunkAsync(string jobId, int attempt, int chunk, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#status = :chunk_processing, #chunks.#c.#attempt = #chunks.#c.#attempt + :one, #chunks.#c.#tries = #chunks.#c.#tries + :one, #chunks.#c.#heartbeat = :now, #chunks.#c.#updated = :now, #chunks.#c.#progress = :zero, #chunks.#c.#stored = :none")
            .Name("#tries", JobsTableSchema.Tries).Name("#stored", JobsTableSchema.StoredSegments).Value(":none", NoSegments).Name("#heartbeat", JobsTableSchema.HeartbeatAt).Name("#updated", JobsTableSchema.UpdatedAt)
            .Name("#progress", JobsTableSchema.Progress)
            .Value(":one", Number(1)).Value(":zero", Number(0)).Value(":now", Timestamp(now))
            .Value(":chunk_queued", ChunkStatusName(ChunkStatus.Queued)).Value(":chunk_processing", ChunkProcessing)
            .Value(":stale", Timestamp(now - recovery.Value.StaleAfter)).Value(":max", Number(recovery.Value.MaxAttempts));
        var attributes = await TryUpdateAsync(jobId, OwnedBy(update, attempt),
            $"{OwnedCondition} AND #chunks.#c.#tries < :max AND (#chunks.#c.#status = :chunk_queued OR (#chunks.#c.#status = :chunk_processing AND #chunks.#c.#heartbeat < :stale))",
            ReturnValue.ALL_NEW, cancellationToken);
        return attributes is null ? null : FromItem(attributes);
    }

    /// <summary>
    /// Progress and a heartbeat of a chunk attempt, appending the segments it stored since its last write to the chunk's own
    /// list (emptied whenever the chunk changes hands, so no entry outlives the objects it names); false when the attempt
    /// no longer owns the chunk (or its job attempt the job).
    /// </summary>
    public async Task<bool> ReportChunkProgressAsync(
        string jobId, int attempt, int chunk, int chunkAttempt, double progress, IReadOnlyCollection<JobSegment> stored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#progress = :progress, #chunks.#c.#heartbeat = :now"
                + (stored.Count > 0 ? ", #chunks.#c.#stored = list_append(if_not_exists(#chunks.#c.#stored, :none), :stored)" : ""))
            .Name("#progress", JobsTableSchema.Progress).Name("#heartbeat", JobsTableSchema.HeartbeatAt)
            .Value(":progress", Number(Math.Round(progress, 1))).Value(":now", Timestamp(timeProvider.GetUtcNow()));
        if (stored.Count > 0)
        {
            update.Name("#stored", JobsTableSchema.StoredSegments).Value(":none", NoSegments).Value(":stored", StoredSegmentList.ToAttribute(stored));
        }

        return await TryChunkOwnedUpdateAsync(jobId, attempt, chunkAttempt, update, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Chunk attempt -> DONE, counted in <see cref="JobsTableSchema.ChunksDone"/>. The job as it now is (when its
    /// <see cref="Job.ChunksDone"/> equals <see cref="Job.ChunkCount"/>, this caller commits), or null when the chunk
    /// attempt lost the chunk. Call after its <see cref="ChunkResult"/> is stored.
    /// </summary>
    public async Task<Job?> FinishChunkAsync(string jobId, int attempt, int chunk, int chunkAttempt, CancellationToken cancellationToken)
    {
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#status = :done, #chunks.#c.#progress = :hundred, #updated = :now ADD #chunks_done :one")
            .Name("#progress", JobsTableSchema.Progress).Name("#updated", JobsTableSchema.UpdatedAt).Name("#chunks_done", JobsTableSchema.ChunksDone)
            .Value(":done", ChunkStatusName(ChunkStatus.Done)).Value(":hundred", Number(100)).Value(":one", Number(1))
            .Value(":now", Timestamp(timeProvider.GetUtcNow()));
        var attributes = await TryChunkOwnedUpdateAsync(jobId, attempt, chunkAttempt, update, ReturnValue.ALL_NEW, cancellationToken);
        return attributes is null ? null : FromItem(attributes);
    }

    /// <summary>
    /// Gives a claimed chunk back (PROCESSING -> QUEUED): at shutdown (the try is given back too), or after a transient
    /// failure (<paramref name="reason"/>, kept as the chunk's last error; the try counts).
    /// </summary>
    public async Task<bool> ReleaseChunkAsync(
        string jobId, int attempt, int chunk, int chunkAttempt, CancellationToken cancellationToken, JobError? reason = null)
    {
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#status = :chunk_queued, #chunks.#c.#progress = :zero, #chunks.#c.#updated = :now, #chunks.#c.#stored = :none"
                + (reason is null ? ", #chunks.#c.#tries = #chunks.#c.#tries - :one" : ", #chunks.#c.#last_code = :last_code, #chunks.#c.#last_message = :last_message"))
            .Name("#progress", JobsTableSchema.Progress).Name("#updated", JobsTableSchema.UpdatedAt)
            .Name("#stored", JobsTableSchema.StoredSegments).Value(":none", NoSegments)
            .Value(":chunk_queued", ChunkStatusName(ChunkStatus.Queued)).Value(":zero", Number(0)).Value(":now", Timestamp(timeProvider.GetUtcNow()));
        if (reason is null)
        {
            update.Name("#tries", JobsTableSchema.Tries).Value(":one", Number(1));
        }
        else
        {
            update.Name("#last_code", JobsTableSchema.LastErrorCode).Name("#last_message", JobsTableSchema.LastErrorMessage)
                .Value(":last_code", reason.Code).Value(":last_message", Truncate(reason.Message));
        }

        return await TryChunkOwnedUpdateAsync(jobId, attempt, chunkAttempt, update, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>Takes a PROCESSING chunk whose heartbeat is older than <paramref name="staleBefore"/> back to QUEUED.</summary>
    public async Task<bool> RequeueChunkIfStaleAsync(string jobId, int attempt, int chunk, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var now = Timestamp(timeProvider.GetUtcNow());
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#status = :chunk_queued, #chunks.#c.#progress = :zero, #chunks.#c.#updated = :now, #chunks.#c.#stored = :none")
            .Name("#progress", JobsTableSchema.Progress).Name("#updated", JobsTableSchema.UpdatedAt).Name("#heartbeat", JobsTableSchema.HeartbeatAt)
            .Name("#stored", JobsTableSchema.StoredSegments).Value(":none", NoSegments)
            .Value(":chunk_queued", ChunkStatusName(ChunkStatus.Queued)).Value(":zero", Number(0)).Value(":now", now)
            .Value(":stale", Timestamp(staleBefore)).Value(":chunk_processing", ChunkProcessing);
        return await TryUpdateAsync(jobId, OwnedBy(update, attempt),
            $"{OwnedCondition} AND #chunks.#c.#status = :chunk_processing AND #chunks.#c.#heartbeat < :stale", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Marks a QUEUED chunk untouched since <paramref name="idleSince"/> as dispatched now; false when it moved or another
    /// sweeper did it first (one stranded chunk is sent again once per sweep).
    /// </summary>
    public async Task<bool> TouchChunkIfIdleAsync(string jobId, int attempt, int chunk, DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        var update = ChunkUpdate(chunk, "SET #chunks.#c.#updated = :now").Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":now", Timestamp(timeProvider.GetUtcNow())).Value(":chunk_queued", ChunkStatusName(ChunkStatus.Queued))
            .Value(":idle", Timestamp(idleSince));
        return await TryUpdateAsync(jobId, OwnedBy(update, attempt),
            $"{OwnedCondition} AND #chunks.#c.#status = :chunk_queued AND #chunks.#c.#updated < :idle", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Fails a chunked job whose chunk <paramref name="chunk"/> nobody runs and which has no tries left, as the sweep saw
    /// it (same job attempt, same chunk attempt and status, idle since <paramref name="idleSince"/>).
    /// </summary>
    public async Task<bool> FailAbandonedChunkAsync(Job seen, JobChunk chunk, DateTimeOffset idleSince, JobError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(chunk);
        var update = Failure(error).Name("#attempt", JobsTableSchema.Attempt).Name("#c", ChunkKey(chunk.Index))
            .Name("#seen", chunk.Status == ChunkStatus.Processing ? JobsTableSchema.HeartbeatAt : JobsTableSchema.UpdatedAt)
            .Value(":processing", Status(JobStatus.Processing)).Value(":attempt", Number(seen.Attempt))
            .Value(":chunk_status", ChunkStatusName(chunk.Status)).Value(":chunk_attempt", Number(chunk.Attempt)).Value(":idle", Timestamp(idleSince));
        return await TryUpdateAsync(seen.Id, update,
            "#status = :processing AND #attempt = :attempt AND #chunks.#c.#status = :chunk_status AND #chunks.#c.#attempt = :chunk_attempt AND #chunks.#c.#seen < :idle",
            ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>PROCESSING (this attempt, while this chunk attempt holds its chunk) -> FAILED with the chunk's error.</summary>
    public async Task<bool> FailFromChunkAsync(string jobId, int attempt, int chunk, int chunkAttempt, JobError error, CancellationToken cancellationToken)
    {
        var update = Failure(error).Name("#c", ChunkKey(chunk));
        return await TryChunkOwnedUpdateAsync(jobId, attempt, chunkAttempt, update, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>Stores what a chunk attempt produced (its own item, keyed by job, attempt, chunk and chunk attempt).</summary>
    public async Task PutChunkResultAsync(string jobId, int attempt, int chunk, int chunkAttempt, ChunkResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = ChunkResultId(jobId, attempt, chunk, chunkAttempt);
        await CallAsync($"Writing chunk result {key}", () => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = new Dictionary<string, AttributeValue>
            {
                [JobsTableSchema.JobId] = new(key),
                [JobsTableSchema.Segments] = new(JsonSerializer.Serialize(result.Segments, JobJson.TypeInfo<IReadOnlyList<JobSegment>>())),
                [JobsTableSchema.InputDuration] = Number(result.InputDurationSeconds),
                [JobsTableSchema.Encoding] = new(JsonSerializer.Serialize(result.Encoding, JobJson.TypeInfo<JobEncoding>())),
                [JobsTableSchema.Ttl] = Number((timeProvider.GetUtcNow() + TimeSpan.FromDays(options.Value.FinishedJobRetentionDays)).ToUnixTimeSeconds()),
            },
        }, cancellationToken), cancellationToken);
    }

    /// <summary>What a chunk attempt stored (read consistently), or null when there is no such record.</summary>
    public async Task<ChunkResult?> GetChunkResultAsync(string jobId, int attempt, int chunk, int chunkAttempt, CancellationToken cancellationToken)
    {
        var key = ChunkResultId(jobId, attempt, chunk, chunkAttempt);
        var response = await CallAsync($"Reading chunk result {key}", () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = Key(key),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new ChunkResult(
            JsonSerializer.Deserialize(item[JobsTableSchema.Segments].S, JobJson.TypeInfo<List<JobSegment>>()) ?? [],
            double.Parse(item[JobsTableSchema.InputDuration].N, CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize(item[JobsTableSchema.Encoding].S, JobJson.TypeInfo<JobEncoding>())!);
    }

    /// <summary>Removes a chunk result record (after the commit; they also expire with the job's retention).</summary>
    public async Task DeleteChunkResultAsync(string jobId, int attempt, int chunk, int chunkAttempt, CancellationToken cancellationToken)
    {
        var key = ChunkResultId(jobId, attempt, chunk, chunkAttempt);
        await CallAsync($"Deleting chunk result {key}", () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Table,
            Key = Key(key),
        }, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The key of a chunk result item: "{jobId}#a{attempt}c{chunk}t{chunkAttempt}". It has none of the indexes' attributes,
    /// so no index, list or sweep ever sees it, and no job id (32 hex characters) can equal it.
    /// </summary>
    public static string ChunkResultId(string jobId, int attempt, int chunk, int chunkAttempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{jobId}#a{attempt}c{chunk}t{chunkAttempt}");

    private Task<Dictionary<string, AttributeValue>?> TryChunkOwnedUpdateAsync(
        string jobId, int attempt, int chunkAttempt, Update update, ReturnValue returnValues, CancellationToken cancellationToken) =>
        TryUpdateAsync(jobId, OwnedBy(update, attempt).Value(":chunk_attempt", Number(chunkAttempt)).Value(":chunk_processing", ChunkProcessing),
            $"{OwnedCondition} AND #chunks.#c.#status = :chunk_processing AND #chunks.#c.#attempt = :chunk_attempt", returnValues, cancellationToken);

    /// <summary>An update of chunk <paramref name="chunk"/>'s map ("#chunks.#c.…").</summary>
    private static Update ChunkUpdate(int chunk, string expression) => new Update(expression)
        .Name("#chunks", JobsTableSchema.Chunks).Name("#c", ChunkKey(chunk));

    private static AttributeValue ChunkProcessing => new(ChunkStatusName(ChunkStatus.Processing));

    private static AttributeValue NoSegments => new() { L = [] };
}
