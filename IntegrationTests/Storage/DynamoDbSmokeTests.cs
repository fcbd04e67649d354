using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.Core.Setup;

namespace VideoAspire.IntegrationTests.Storage;

public sealed class DynamoDbSmokeTests(AwsBackendFixture backend) : IAsyncLifetime
{
    private readonly string _table = AwsBackendFixture.UniqueName("jobs-smoke");
    private readonly IAmazonDynamoDB _dynamoDb = backend.CreateDynamoDb();

    public async ValueTask InitializeAsync() =>
        await Bootstrapper().EnsureJobsTableAsync(_table, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ConditionalPut_SameJobIdTwice_SecondIsRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobId = Guid.NewGuid().ToString("N");

        await _dynamoDb.PutItemAsync(CreateOnce(jobId, "first"), ct);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _dynamoDb.PutItemAsync(CreateOnce(jobId, "second"), ct));
        var stored = await _dynamoDb.GetItemAsync(_table, Key(jobId), consistentRead: true, ct);

        Assert.Equal("first", stored.Item["note"].S);
    }

    [Fact]
    public async Task EnsureJobsTable_RunTwice_IsIdempotentAndListsAUsersJobsNewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = Guid.NewGuid().ToString("N");
        await Bootstrapper().EnsureJobsTableAsync(_table, ct);

        foreach (var createdAt in new[] { "2026-01-01T00:00:02Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:03Z" })
        {
            await _dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    [JobsTableSchema.JobId] = new(Guid.NewGuid().ToString("N")),
                    [JobsTableSchema.UserId] = new(user),
                    [JobsTableSchema.CreatedAt] = new(createdAt),
                },
            }, ct);
        }

        var page = await _dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = JobsTableSchema.UserIndex,
            KeyConditionExpression = "#user = :user",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#user"] = JobsTableSchema.UserId },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":user"] = new(user) },
            ScanIndexForward = false,
        }, ct);

        Assert.Equal(
            ["2026-01-01T00:00:03Z", "2026-01-01T00:00:02Z", "2026-01-01T00:00:01Z"],
            page.Items.Select(i => i[JobsTableSchema.CreatedAt].S));
    }

    private ResourceBootstrapper Bootstrapper() =>
        new(backend.CreateS3(), _dynamoDb, NullLogger<ResourceBootstrapper>.Instance);

    private PutItemRequest CreateOnce(string jobId, string note) => new()
    {
        TableName = _table,
        Item = new Dictionary<string, AttributeValue>(Key(jobId)) { ["note"] = new(note) },
        ConditionExpression = "attribute_not_exists(#id)",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = JobsTableSchema.JobId },
    };

    private static Dictionary<string, AttributeValue> Key(string jobId) => new() { [JobsTableSchema.JobId] = new(jobId) };

    public ValueTask DisposeAsync()
    {
        _dynamoDb.Dispose();
        return ValueTask.CompletedTask;
    }
}
