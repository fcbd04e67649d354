using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Core.Aws;

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
        await AddMissingIndexesAsync(table, cancellationToken);
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
    /// A table made by an older version lacks indexes added since; they are added (one at a time, as DynamoDB allows).
    /// dynalite cannot add an index to a table: then the error says to start with a fresh table.
    /// </summary>
    private async Task AddMissingIndexesAsync(string table, CancellationToken cancellationToken)
    {
        var definition = JobsTableDefinition(table);
        while (true)
        {
            var existing = (await dynamoDb.DescribeTableAsync(table, cancellationToken)).Table.GlobalSecondaryIndexes?.Select(i => i.IndexName).ToHashSet() ?? [];
            var missing = definition.GlobalSecondaryIndexes.FirstOrDefault(i => !existing.Contains(i.IndexName));
            if (missing is null)
            {
                return;
            }

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
            catch (AmazonDynamoDBException e)
            {
                throw new InvalidOperationException(
                    $"The jobs table '{table}' was made by an older version and lacks the index '{missing.IndexName}', which this DynamoDB " +
                    $"cannot add ({e.Message}). Start with a fresh table: for the embedded backend, delete its data folder " +
                    "(AppHost/.local-aws, or Aws:DataDirectory).", e);
            }

            Log.IndexAdded(logger, table, missing.IndexName);
            await WaitUntilActiveAsync(table, cancellationToken);
        }
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
