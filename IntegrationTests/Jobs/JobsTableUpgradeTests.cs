using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.Core.Setup;

namespace VideoAspire.IntegrationTests.Jobs;

/// <summary>
/// A jobs table made before the sparse indexes (kept between runs in AppHost/.local-aws) is brought up to date at
/// start: indexes added (dynalite: the table recreated with its items), unfinished jobs marked so the sweep sees them.
/// </summary>
public sealed class JobsTableUpgradeTests(AwsBackendFixture backend) : IAsyncLifetime
{
    private readonly string _bucket = AwsBackendFixture.UniqueName("upgrade");
    private readonly string _table = AwsBackendFixture.UniqueName("upgrade");
    private ServiceProvider _services = null!;

    public ValueTask InitializeAsync()
    {
        _services = JobServices.Build(backend, _bucket, _table);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TableWithOnlyTheUserIndex_GetsTheNewIndexes_KeepsItsJobs_AndTheSweepSeesTheUnfinishedOne()
    {
        var dynamoDb = _services.GetRequiredService<IAmazonDynamoDB>();
        var current = ResourceBootstrapper.JobsTableDefinition(_table);
        await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = _table,
            BillingMode = current.BillingMode,
            KeySchema = current.KeySchema,
            AttributeDefinitions = [.. current.AttributeDefinitions.Where(a => a.AttributeName is JobsTableSchema.JobId or JobsTableSchema.UserId or JobsTableSchema.CreatedAt)],
            GlobalSecondaryIndexes = [current.GlobalSecondaryIndexes.Single(i => i.IndexName == JobsTableSchema.UserIndex)],
        }, TestContext.Current.CancellationToken);
        while ((await dynamoDb.DescribeTableAsync(_table, TestContext.Current.CancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken); // tables are created asynchronously
        }

        var queued = JobStoreTests.NewJob("alice", DateTimeOffset.UtcNow);
        var done = JobStoreTests.NewJob("alice", DateTimeOffset.UtcNow) with { Status = JobStatus.Completed };
        foreach (var job in new[] { queued, done })
        {
            var oldItem = JobItemMapper.ToItem(job);
            oldItem.Remove(JobsTableSchema.Unfinished); // written by the version before the index
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = _table, Item = oldItem }, TestContext.Current.CancellationToken);
        }

        await _services.GetRequiredService<ResourceBootstrapper>().EnsureJobsTableAsync(_table, TestContext.Current.CancellationToken);

        var indexes = (await dynamoDb.DescribeTableAsync(_table, TestContext.Current.CancellationToken)).Table.GlobalSecondaryIndexes.Select(i => i.IndexName);
        var store = _services.GetRequiredService<JobStore>();
        Assert.Equal(current.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(), indexes.Order());
        Assert.NotNull(await store.GetAsync(done.Id, TestContext.Current.CancellationToken));
        Assert.Equal([queued.Id], await store.ListUnfinishedIdsAsync(ProcessingMethod.InProcess, TestContext.Current.CancellationToken));
        Assert.Single((await store.ListForUserAsync("alice", 10, null, TestContext.Current.CancellationToken)).Jobs, j => j.Id == done.Id);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
