using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Storage;
using static VideoAspire.Core.Jobs.JobItemMapper;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Jobs in DynamoDB. Every state change is a conditional write, so concurrent writers (a duplicate
/// delivery, a worker that lost its claim, a delete) never overwrite each other: a refused write
/// returns false instead of throwing.
/// </summary>
public sealed partial class JobStore(
    IAmazonDynamoDB dynamoDb, IOptions<StorageOptions> options, IOptions<JobRecoveryOptions> recovery, TimeProvider timeProvider)
{
    private string Table => options.Value.JobsTableName;

    /// <summary>Attempts a job gets (<see cref="JobRecoveryOptions.MaxAttempts"/>).</summary>
    public int MaxAttempts => recovery.Value.MaxAttempts;

    /// <summary>When a silent attempt counts as dead (<see cref="JobRecoveryOptions.StaleAfter"/>).</summary>
    public TimeSpan StaleAfter => recovery.Value.StaleAfter;

    public async Task CreateAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await CallAsync($"Writing job {job.Id}", () => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = ToItem(job),
            ConditionExpression = "attribute_not_exists(#id)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = JobsTableSchema.JobId },
        }, cancellationToken), cancellationToken);
    }

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await CallAsync($"Reading job {jobId}", () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = Key(jobId),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>The job if it exists and belongs to <paramref name="userId"/>; otherwise null (callers answer 404 either way).</summary>
    public async Task<Job?> FindForUserAsync(string userId, string jobId, CancellationToken cancellationToken) =>
        await GetAsync(jobId, cancellationToken) is { } job && job.UserId == userId ? job : null;

    /// <summary>One page of a user's jobs, newest first.</summary>
    public async Task<(IReadOnlyList<Job> Jobs, Dictionary<string, AttributeValue>? Next)> ListForUserAsync(
        string userId, int limit, Dictionary<string, AttributeValue>? startAfter, CancellationToken cancellationToken)
    {
        var response = await CallAsync("Listing a user's jobs", () => dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = JobsTableSchema.UserIndex,
            KeyConditionExpression = "#user = :user",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#user"] = JobsTableSchema.UserId },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":user"] = new(userId) },
            ScanIndexForward = false,
            Limit = limit,
            ExclusiveStartKey = startAfter,
        }, cancellationToken), cancellationToken);
        var jobs = (response.Items ?? []).Select(FromItem).ToList();
        return (jobs, response.LastEvaluatedKey is { Count: > 0 } next ? next : null);
    }

    /// <summary>
    /// How many of the user's jobs are queued or processing, counting up to <paramref name="stopAt"/> (enough to
    /// enforce a quota without reading a long history to its end).
    /// </summary>
    public async Task<int> CountActiveForUserAsync(string userId, int stopAt, CancellationToken cancellationToken)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? startAfter = null;
        do
        {
            var response = await CallAsync("Counting a user's active jobs", () => dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = Table,
                IndexName = JobsTableSchema.UserIndex,
                KeyConditionExpression = "#user = :user",
                FilterExpression = "#status IN (:queued, :processing)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#user"] = JobsTableSchema.UserId, ["#status"] = JobsTableSchema.Status },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":user"] = new(userId), [":queued"] = new(Status(JobStatus.Queued)), [":processing"] = new(Status(JobStatus.Processing)),
                },
                Select = Select.COUNT,
                ScanIndexForward = false,
                ExclusiveStartKey = startAfter,
            }, cancellationToken), cancellationToken);
            count += response.Count ?? 0;
            startAfter = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startAfter is not null && count < stopAt);

        return count;
    }

    /// <summary>
    /// QUEUED, or PROCESSING with a heartbeat older than <see cref="JobRecoveryOptions.StaleAfter"/> (its attempt died;
    /// never a chunked attempt, whose chunks are recovered one by one), -> PROCESSING with a new attempt number, while tries are left (<see cref="Job.Tries"/>). Null otherwise: a duplicate or late delivery,
    /// a live attempt, a finished or deleted job, or no attempts left (the sweep fails such a job).
    /// </summary>
    public async Task<Job?> TryClaimAsync(string jobId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var update = new Update("SET #status = :processing, #stage = :stage, #attempt = #attempt + :one, #tries = if_not_exists(#tries, :zero) + :one, #started = :now, #heartbeat = :now, #updated = :now, #progress = :zero"
                + " REMOVE #chunk_count, #chunk_seconds, #chunks, #chunks_done, #stored")
            .Name("#chunk_count", JobsTableSchema.ChunkCount).Name("#chunk_seconds", JobsTableSchema.ChunkSeconds)
            .Name("#chunks", JobsTableSchema.Chunks).Name("#chunks_done", JobsTableSchema.ChunksDone)
            .Name("#status", JobsTableSchema.Status).Name("#stage", JobsTableSchema.Stage).Name("#attempt", JobsTableSchema.Attempt)
            .Name("#tries", JobsTableSchema.Tries).Name("#stored", JobsTableSchema.StoredSegments)
            .Name("#started", JobsTableSchema.StartedAt).Name("#heartbeat", JobsTableSchema.HeartbeatAt)
            .Name("#updated", JobsTableSchema.UpdatedAt).Name("#progress", JobsTableSchema.Progress)
            .Value(":processing", Status(JobStatus.Processing)).Value(":stage", JobStages.Probing).Value(":now", Timestamp(now))
            .Value(":one", Number(1)).Value(":zero", Number(0)).Value(":queued", Status(JobStatus.Queued))
            .Value(":max", Number(recovery.Value.MaxAttempts)).Value(":stale", Timestamp(now - recovery.Value.StaleAfter));
        var attributes = await TryUpdateAsync(jobId, update,
            "(attribute_not_exists(#tries) OR #tries < :max) AND (#status = :queued OR (#status = :processing AND #heartbeat < :stale AND attribute_not_exists(#chunk_count)))",
            ReturnValue.ALL_NEW, cancellationToken);
        return attributes is null ? null : FromItem(attributes);
    }

    /// <summary>Progress and a heartbeat for the attempt in progress; false when that attempt no longer owns the job.</summary>
    public Task<bool> ReportProgressAsync(string jobId, int attempt, string stage, double progress, CancellationToken cancellationToken) =>
        ReportProgressAsync(jobId, attempt, stage, progress, [], cancellationToken);

    /// <summary>
    /// Progress and a heartbeat for the attempt in progress, appending the segments it stored since its last write
    /// (<see cref="JobsTableSchema.StoredSegments"/>) in the same conditional write; false when that attempt no longer owns the job.
    /// </summary>
    public async Task<bool> ReportProgressAsync(
        string jobId, int attempt, string stage, double progress, IReadOnlyCollection<JobSegment> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = Timestamp(timeProvider.GetUtcNow());
        var update = new Update("SET #stage = :stage, #progress = :progress, #heartbeat = :now, #updated = :now"
                + (stored.Count > 0 ? ", #stored = list_append(if_not_exists(#stored, :none), :stored)" : ""))
            .Name("#stage", JobsTableSchema.Stage).Name("#progress", JobsTableSchema.Progress)
            .Name("#heartbeat", JobsTableSchema.HeartbeatAt).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":stage", stage).Value(":progress", Number(Math.Round(progress, 1))).Value(":now", now);
        if (stored.Count > 0)
        {
            update.Name("#stored", JobsTableSchema.StoredSegments)
                .Value(":none", new AttributeValue { L = [] }).Value(":stored", StoredSegmentList.ToAttribute(stored));
        }

        return await TryUpdateAsync(jobId, OwnedBy(update, attempt), OwnedCondition, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Records when the attempt in progress stored its first segment (once per attempt: of a chunked job, the first chunk
    /// to store one); false when that attempt no longer owns the job or already recorded it.
    /// </summary>
    public async Task<bool> RecordFirstSegmentAsync(string jobId, int attempt, DateTimeOffset storedAt, CancellationToken cancellationToken)
    {
        var update = new Update("SET #first = :first").Name("#first", JobsTableSchema.FirstSegmentAt).Name("#started", JobsTableSchema.StartedAt)
            .Value(":first", Timestamp(storedAt));
        return await TryUpdateAsync(jobId, OwnedBy(update, attempt),
            $"{OwnedCondition} AND (attribute_not_exists(#first) OR #first < #started)", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>PROCESSING (this attempt) -> COMPLETED with the segments, the input's duration and what was done to each stream.</summary>
    public async Task<bool> CompleteAsync(
        string jobId, int attempt, IReadOnlyList<JobSegment> segments, double inputDurationSeconds, JobEncoding encoding,
        CancellationToken cancellationToken)
    {
        var now = Timestamp(timeProvider.GetUtcNow());
        var update = Finished("SET #status = :completed, #stage = :stage, #progress = :hundred, #segments = :segments, #duration = :duration, #encoding = :encoding, #completed_at = :now, #updated = :now")
            .Name("#status", JobsTableSchema.Status).Name("#stage", JobsTableSchema.Stage).Name("#progress", JobsTableSchema.Progress)
            .Name("#segments", JobsTableSchema.Segments).Name("#duration", JobsTableSchema.InputDuration).Name("#encoding", JobsTableSchema.Encoding)
            .Name("#completed_at", JobsTableSchema.CompletedAt).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":completed", Status(JobStatus.Completed)).Value(":stage", JobStages.Completed).Value(":hundred", Number(100))
            .Value(":segments", System.Text.Json.JsonSerializer.Serialize(segments, JobJson.TypeInfo<IReadOnlyList<JobSegment>>()))
            .Value(":duration", Number(inputDurationSeconds)).Value(":now", now)
            .Value(":encoding", System.Text.Json.JsonSerializer.Serialize(encoding, JobJson.TypeInfo<JobEncoding>()));
        return await TryUpdateAsync(jobId, OwnedBy(update, attempt), OwnedCondition, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// <see cref="CompleteAsync"/>, checked against the table when refused or failed before anything is concluded: the first
    /// try may have applied although its answer was lost (a timeout, or an SDK retry refused by the condition the first
    /// try already changed), and a completed job's segments must never be removed. False: the attempt lost the job.
    /// </summary>
    public async Task<bool> CommitAsync(
        string jobId, int attempt, IReadOnlyList<JobSegment> segments, double inputDurationSeconds, JobEncoding encoding)
    {
        try
        {
            if (await CompleteAsync(jobId, attempt, segments, inputDurationSeconds, encoding, CancellationToken.None))
            {
                return true;
            }
        }
        catch (TableException e) when (e.IsTransient)
        {
            if (await IsCompletedByAsync(jobId, attempt, CancellationToken.None))
            {
                return true;
            }

            throw; // not applied: a transient failure like any other (the job is given back)
        }

        return await IsCompletedByAsync(jobId, attempt, CancellationToken.None);
    }

    /// <summary>
    /// True when the job is COMPLETED by <paramref name="attempt"/>: how a commit whose answer was lost (a timeout, an SDK
    /// retry refused because the first try already applied) is told from a commit refused because the job was lost.
    /// </summary>
    public async Task<bool> IsCompletedByAsync(string jobId, int attempt, CancellationToken cancellationToken) =>
        await GetAsync(jobId, cancellationToken) is { Status: JobStatus.Completed } job && job.Attempt == attempt;

    /// <summary>PROCESSING (this attempt) or, with no attempt, QUEUED -> FAILED.</summary>
    public async Task<bool> FailAsync(string jobId, int? attempt, JobError error, CancellationToken cancellationToken)
    {
        var update = Failure(error);
        return attempt is { } a
            ? await TryUpdateAsync(jobId, OwnedBy(update, a), OwnedCondition, ReturnValue.NONE, cancellationToken) is not null
            : await TryUpdateAsync(jobId, update.Value(":queued", Status(JobStatus.Queued)), "#status = :queued", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Fails a job nobody is running, as the sweep last saw it: still in <paramref name="seen"/>'s status and attempt,
    /// and untouched since <paramref name="idleSince"/> (its heartbeat when PROCESSING, its last update when QUEUED).
    /// False when anything moved in between (an attempt started or finished).
    /// </summary>
    public async Task<bool> FailAbandonedAsync(Job seen, DateTimeOffset idleSince, JobError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var update = Failure(error).Name("#attempt", JobsTableSchema.Attempt).Name("#seen", IdleAttribute(seen.Status))
            .Value(":status", Status(seen.Status)).Value(":attempt", Number(seen.Attempt)).Value(":idle", Timestamp(idleSince));
        return await TryUpdateAsync(seen.Id, update, "#status = :status AND #attempt = :attempt AND #seen < :idle", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Gives a claimed job back (PROCESSING -> QUEUED) when this attempt stops without an outcome: at shutdown (the try
    /// is given back too: stopping is not the job's failure), or after a transient failure (<paramref name="reason"/>,
    /// kept as the job's last error; the try counts).
    /// </summary>
    public async Task<bool> ReleaseAsync(string jobId, int attempt, CancellationToken cancellationToken, JobError? reason = null)
    {
        var update = BackToQueue(reason is null
            ? ", #tries = #tries - :one"
            : ", #last_code = :last_code, #last_message = :last_message");
        if (reason is null)
        {
            update.Name("#tries", JobsTableSchema.Tries).Value(":one", Number(1));
        }
        else
        {
            update.Name("#last_code", JobsTableSchema.LastErrorCode).Name("#last_message", JobsTableSchema.LastErrorMessage)
                .Value(":last_code", reason.Code).Value(":last_message", Truncate(reason.Message));
        }

        return await TryUpdateAsync(jobId, OwnedBy(update, attempt), OwnedCondition, ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Takes a PROCESSING job whose last heartbeat is older than <paramref name="staleBefore"/> back to QUEUED (not a
    /// chunked one: its chunks are taken back one by one, <see cref="RequeueChunkIfStaleAsync"/>).
    /// </summary>
    public async Task<bool> RequeueIfStaleAsync(string jobId, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var update = BackToQueue().Name("#heartbeat", JobsTableSchema.HeartbeatAt).Name("#chunk_count", JobsTableSchema.ChunkCount)
            .Value(":processing", Status(JobStatus.Processing)).Value(":stale", Timestamp(staleBefore));
        return await TryUpdateAsync(jobId, update, "#status = :processing AND #heartbeat < :stale AND attribute_not_exists(#chunk_count)",
            ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Marks a QUEUED job untouched since <paramref name="idleSince"/> as dispatched now; false when it moved or another
    /// sweeper did it first, so one stranded job is dispatched again once per sweep, not once per Api instance.
    /// </summary>
    public async Task<bool> TouchIfIdleAsync(string jobId, DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        var update = new Update("SET #updated = :now").Name("#status", JobsTableSchema.Status).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":now", Timestamp(timeProvider.GetUtcNow())).Value(":queued", Status(JobStatus.Queued)).Value(":idle", Timestamp(idleSince));
        return await TryUpdateAsync(jobId, update, "#status = :queued AND #updated < :idle", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// Moves a QUEUED job of method <paramref name="from"/> to method <paramref name="to"/> (its stored method and its key in
    /// the unfinished index), so its view, the statistics and every later sweep see where it now runs; false when the
    /// job is no longer QUEUED with that method (claimed, finished, deleted, or moved by another sweeper).
    /// </summary>
    public async Task<bool> ReassignAsync(string jobId, ProcessingMethod from, ProcessingMethod to, CancellationToken cancellationToken)
    {
        var update = new Update("SET #method = :to, #unfinished = :to, #updated = :now")
            .Name("#status", JobsTableSchema.Status).Name("#method", JobsTableSchema.Method)
            .Name("#unfinished", JobsTableSchema.Unfinished).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":queued", Status(JobStatus.Queued)).Value(":from", Method(from)).Value(":to", Method(to))
            .Value(":now", Timestamp(timeProvider.GetUtcNow()));
        return await TryUpdateAsync(jobId, update, "#status = :queued AND #method = :from", ReturnValue.NONE, cancellationToken) is not null;
    }

    /// <summary>
    /// The ids of unfinished jobs (QUEUED or PROCESSING) of one method, oldest first, from the sparse keys-only unfinished
    /// index: the read costs what is unfinished, not the table. The index is eventually consistent: read each job
    /// (<see cref="GetAsync"/>) and act on it with conditional writes.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListUnfinishedIdsAsync(ProcessingMethod method, CancellationToken cancellationToken) =>
    [
        .. (await QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = JobsTableSchema.UnfinishedIndex,
            KeyConditionExpression = "#unfinished = :method",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#unfinished"] = JobsTableSchema.Unfinished },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":method"] = new(Method(method)) },
        }, int.MaxValue, cancellationToken)).Select(item => item[JobsTableSchema.JobId].S),
    ];

    /// <summary>Jobs of one method that finished since <paramref name="since"/>, newest first, at most <paramref name="limit"/> (the finished index).</summary>
    public async Task<IReadOnlyList<Job>> ListFinishedSinceAsync(
        ProcessingMethod method, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
    [
        .. (await QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = JobsTableSchema.FinishedIndex,
            KeyConditionExpression = "#method = :method AND #completed >= :since",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#method"] = JobsTableSchema.Method, ["#completed"] = JobsTableSchema.CompletedAt },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":method"] = new(Method(method)), [":since"] = new(Timestamp(since)) },
            ScanIndexForward = false,
        }, limit, cancellationToken)).Select(FromItem),
    ];

    /// <summary>Every page of a query, up to <paramref name="limit"/> items.</summary>
    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(QueryRequest request, int limit, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            request.Limit = Math.Min(limit - items.Count, 1000);
            var page = await CallAsync($"Querying {request.IndexName ?? "the table"}", () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null && items.Count < limit);

        return items;
    }

    /// <summary>Deletes the job record if it belongs to <paramref name="userId"/>.</summary>
    public async Task<bool> DeleteAsync(string userId, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync($"Deleting job {jobId}", () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Table,
                Key = Key(jobId),
                ConditionExpression = "#user = :user",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#user"] = JobsTableSchema.UserId },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":user"] = new(userId) },
            }, cancellationToken), cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private const string OwnedCondition = "#status = :processing AND #attempt = :attempt";

    private static Update OwnedBy(Update update, int attempt) => update
        .Name("#status", JobsTableSchema.Status).Name("#attempt", JobsTableSchema.Attempt)
        .Value(":processing", Status(JobStatus.Processing)).Value(":attempt", Number(attempt));

    /// <summary>
    /// A transition to a final state: the job leaves the unfinished index, drops its chunks' state and the running
    /// attempt's list of stored segments (a completed job's are in segments, a failed job's objects are deleted), and
    /// gets its expiry time.
    /// </summary>
    private Update Finished(string setExpression) => new Update(setExpression + ", #ttl = :ttl REMOVE #unfinished, #chunks, #stored")
        .Name("#ttl", JobsTableSchema.Ttl).Name("#unfinished", JobsTableSchema.Unfinished).Name("#chunks", JobsTableSchema.Chunks)
        .Name("#stored", JobsTableSchema.StoredSegments)
        .Value(":ttl", Number((timeProvider.GetUtcNow() + TimeSpan.FromDays(options.Value.FinishedJobRetentionDays)).ToUnixTimeSeconds()));

    private Update Failure(JobError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Finished("SET #status = :failed, #stage = :stage, #code = :code, #message = :message, #completed_at = :now, #updated = :now")
            .Name("#status", JobsTableSchema.Status).Name("#stage", JobsTableSchema.Stage).Name("#code", JobsTableSchema.ErrorCode)
            .Name("#message", JobsTableSchema.ErrorMessage).Name("#completed_at", JobsTableSchema.CompletedAt).Name("#updated", JobsTableSchema.UpdatedAt)
            .Value(":failed", Status(JobStatus.Failed)).Value(":stage", JobStages.Failed).Value(":code", error.Code)
            .Value(":message", Truncate(error.Message)).Value(":now", Timestamp(timeProvider.GetUtcNow()));
    }

    private static string Truncate(string message) => message.Length > 1000 ? message[..1000] : message;

    /// <summary>The attribute that shows an unfinished job is idle: its heartbeat while PROCESSING, its last update while QUEUED.</summary>
    private static string IdleAttribute(JobStatus status) => status == JobStatus.Processing ? JobsTableSchema.HeartbeatAt : JobsTableSchema.UpdatedAt;

    /// <summary>PROCESSING -> QUEUED; the attempt's list of stored segments goes with it (its objects are deleted or stale).</summary>
    private Update BackToQueue(string extraSet = "") => new Update(
            "SET #status = :queued, #stage = :stage, #progress = :zero, #updated = :now" + extraSet + " REMOVE #stored")
        .Name("#status", JobsTableSchema.Status).Name("#stage", JobsTableSchema.Stage).Name("#stored", JobsTableSchema.StoredSegments)
        .Name("#progress", JobsTableSchema.Progress).Name("#updated", JobsTableSchema.UpdatedAt)
        .Value(":queued", Status(JobStatus.Queued)).Value(":stage", JobStages.Queued).Value(":zero", Number(0))
        .Value(":now", Timestamp(timeProvider.GetUtcNow()));

    private async Task<Dictionary<string, AttributeValue>?> TryUpdateAsync(
        string jobId, Update update, string condition, ReturnValue returnValues, CancellationToken cancellationToken)
    {
        try
        {
            var response = await CallAsync($"Updating job {jobId}", () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = Key(jobId),
                UpdateExpression = update.Expression,
                ConditionExpression = condition,
                ExpressionAttributeNames = update.Names,
                ExpressionAttributeValues = update.Values,
                ReturnValues = returnValues,
            }, cancellationToken), cancellationToken);
            return response.Attributes ?? [];
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// One DynamoDB call. Its failures leave as <see cref="TableException"/>, saying what was being done; a refused
    /// condition stays a <see cref="ConditionalCheckFailedException"/>, which callers read as an answer, not a failure.
    /// </summary>
    private static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not ConditionalCheckFailedException && AwsFailures.IsFailure(e, cancellationToken))
        {
            throw new TableException($"{operation} failed: {e.Message}", AwsFailures.IsTransient(e), e);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string jobId) => new() { [JobsTableSchema.JobId] = new(jobId) };

    /// <summary>An update expression with its names and values (names always aliased: DynamoDB reserves status, segments ...).</summary>
    private sealed class Update(string expression)
    {
        public string Expression { get; } = expression;

        public Dictionary<string, string> Names { get; } = [];

        public Dictionary<string, AttributeValue> Values { get; } = [];

        public Update Name(string alias, string attribute)
        {
            Names[alias] = attribute;
            return this;
        }

        public Update Value(string alias, string value)
        {
            Values[alias] = new AttributeValue(value);
            return this;
        }

        public Update Value(string alias, AttributeValue value)
        {
            Values[alias] = value;
            return this;
        }
    }
}
