using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Core.Setup;

/// <summary>
/// Creates the bucket (with CORS for browser uploads) and the jobs table (with its GSIs) when they
/// are missing. Idempotent: safe to run at every start and from several processes at once.
/// For development, tests and Aspire; real AWS gets its resources from the CDK stack.
/// </summary>
public sealed class ResourceBootstrapper(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, ILogger<ResourceBootstrapper> logger)
{
    private static readonly TimeSpan TableActiveTimeout = TimeSpan.FromSeconds(60);

    public async Task EnsureBucketAsync(string bucket, IReadOnlyList<string> corsOrigins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corsOrigins);
        if (corsOrigins.Count == 0)
        {
            throw new ArgumentException("At least one CORS origin is needed (Storage:CorsAllowedOrigins).", nameof(corsOrigins));
        }

        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
            Log.BucketCreated(logger, bucket);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            Log.BucketExists(logger, bucket);
        }

        await s3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
        {
            BucketName = bucket,
            Configuration = new CORSConfiguration
            {
                Rules =
                [
                    new CORSRule
                    {
                        AllowedMethods = ["PUT", "GET", "HEAD"],
                        AllowedOrigins = [.. corsOrigins],
                        AllowedHeaders = ["*"],
                        ExposeHeaders = ["ETag"],
                        MaxAgeSeconds = 3600,
                    },
                ],
            },
        }, cancellationToken);
    }

    public async Task EnsureJobsTableAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.CreateTableAsync(JobsTableDefinition(table), cancellationToken);
            Log.TableCreated(logger, table);
        }
        catch (ResourceInUseException)
        {
            Log.TableExists(logger, table);
        }

        await WaitUntilActiveAsync(table, cancellationToken);
        await UpgradeAsync(table, cancellationToken);
        await TryEnableTtlAsync(table, cancellationToken);
    }

    internal static CreateTableRequest JobsTableDefinition(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(JobsTableSchema.JobId, ScalarAttributeType.S),
            new AttributeDefinition(JobsTableSchema.UserId, ScalarAttributeType.S),
            new AttributeDefinition(JobsTableSchema.CreatedAt, ScalarAttributeType.S),
            new AttributeDefinition(JobsTableSchema.Unfinished, ScalarAttributeType.S),
            new AttributeDefinition(JobsTableSchema.Method, ScalarAttributeType.S),
            new AttributeDefinition(JobsTableSchema.CompletedAt, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement(JobsTableSchema.JobId, KeyType.HASH)],
        GlobalSecondaryIndexes =
        [
            Index(JobsTableSchema.UserIndex, JobsTableSchema.UserId, JobsTableSchema.CreatedAt),
            Index(JobsTableSchema.UnfinishedIndex, JobsTableSchema.Unfinished, JobsTableSchema.CreatedAt, ProjectionType.KEYS_ONLY),
            Index(JobsTableSchema.FinishedIndex, JobsTableSchema.Method, JobsTableSchema.CompletedAt),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string partitionKey, string sortKey, ProjectionType? projection = null) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH), new KeySchemaElement(sortKey, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = projection ?? ProjectionType.ALL },
    };

    /// <summary>
    /// Brings a table made by an older version up to the current definition: adds the missing indexes (one at a time, as
    /// DynamoDB allows), then writes the unfinished marker on jobs that were QUEUED or PROCESSING before its index
    /// existed. dynalite accepts the UpdateTable but ignores index creation: there the table is recreated with its items
    /// (development data: this bootstrap never runs against AWS, where the CDK stack owns the table).
    /// </summary>
    private async Task UpgradeAsync(string table, CancellationToken cancellationToken)
    {
        var definition = JobsTableDefinition(table);
        var added = false;
        while (await FirstMissingIndexAsync(table, definition, cancellationToken) is { } missing)
        {
            if (!await TryCreateIndexAsync(table, definition, missing, cancellationToken)
                || (await FirstMissingIndexAsync(table, definition, cancellationToken))?.IndexName == missing.IndexName)
            {
                await RecreateWithItemsAsync(table, definition, missing.IndexName, cancellationToken);
                return;
            }

            Log.IndexAdded(logger, table, missing.IndexName);
            added = true;
        }

        if (added)
        {
            foreach (var item in await ScanAllAsync(table, cancellationToken))
            {
                if (WithUnfinishedMarker(item) is { } marked && !item.ContainsKey(JobsTableSchema.Unfinished))
                {
                    await dynamoDb.PutItemAsync(new PutItemRequest { TableName = table, Item = marked }, cancellationToken);
                }
            }
        }
    }

    /// <summary>Asks for the index and waits until the table is active again; false when the endpoint refuses.</summary>
    private async Task<bool> TryCreateIndexAsync(string table, CreateTableRequest definition, GlobalSecondaryIndex missing, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateTableAsync(new UpdateTableRequest
            {
                TableName = table,
                AttributeDefinitions = definition.AttributeDefinitions,
                GlobalSecondaryIndexUpdates =
                [
                    new GlobalSecondaryIndexUpdate
                    {
                        Create = new CreateGlobalSecondaryIndexAction { IndexName = missing.IndexName, KeySchema = missing.KeySchema, Projection = missing.Projection },
                    },
                ],
            }, cancellationToken);
        }
        catch (AmazonDynamoDBException e) when (e is not ResourceNotFoundException)
        {
            return false;
        }

        await WaitUntilActiveAsync(table, cancellationToken);
        return true;
    }

    private async Task<GlobalSecondaryIndex?> FirstMissingIndexAsync(string table, CreateTableRequest definition, CancellationToken cancellationToken)
    {
        var existing = (await dynamoDb.DescribeTableAsync(table, cancellationToken)).Table.GlobalSecondaryIndexes?.Select(i => i.IndexName).ToHashSet() ?? [];
        return definition.GlobalSecondaryIndexes.FirstOrDefault(i => !existing.Contains(i.IndexName));
    }

    private async Task RecreateWithItemsAsync(string table, CreateTableRequest definition, string index, CancellationToken cancellationToken)
    {
        var items = await ScanAllAsync(table, cancellationToken);
        await dynamoDb.DeleteTableAsync(table, cancellationToken);
        while (true)
        {
            try
            {
                await dynamoDb.DescribeTableAsync(table, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (ResourceNotFoundException)
            {
                break;
            }
        }

        await dynamoDb.CreateTableAsync(definition, cancellationToken);
        await WaitUntilActiveAsync(table, cancellationToken);
        foreach (var item in items)
        {
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = table, Item = WithUnfinishedMarker(item) ?? item }, cancellationToken);
        }

        Log.TableRecreated(logger, table, index, items.Count);
    }

    /// <summary>The item with its unfinished marker when the job is QUEUED or PROCESSING; null for a finished job.</summary>
    private static Dictionary<string, AttributeValue>? WithUnfinishedMarker(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(JobsTableSchema.Status, out var status)
            && (status.S == JobItemMapper.Status(JobStatus.Queued) || status.S == JobItemMapper.Status(JobStatus.Processing))
            && item.TryGetValue(JobsTableSchema.Method, out var method) && method.S is { } wireName
            ? new Dictionary<string, AttributeValue>(item) { [JobsTableSchema.Unfinished] = new(wireName) }
            : null;

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(string table, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }

    private async Task WaitUntilActiveAsync(string table, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TableActiveTimeout);
        while (true)
        {
            var description = (await dynamoDb.DescribeTableAsync(table, timeout.Token)).Table;
            var indexesActive = description.GlobalSecondaryIndexes?.TrueForAll(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true;
            if (description.TableStatus == TableStatus.ACTIVE && indexesActive)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    private async Task TryEnableTtlAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = table,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = JobsTableSchema.Ttl, Enabled = true },
            }, cancellationToken);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "ValidationException" && e.Message.Contains("already enabled", StringComparison.OrdinalIgnoreCase))
        {
            // Enabled by an earlier run.
        }
        catch (AmazonDynamoDBException e) when (e.StatusCode == HttpStatusCode.BadRequest && e.ErrorCode == "UnknownOperationException")
        {
            Log.TtlUnsupported(logger, table); // dynalite: expiry is then only ours to do
        }
    }
}
