using Amazon.DynamoDBv2;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Setup;

namespace VideoAspire.UnitTests.Setup;

public sealed class ResourceBootstrapperTests
{
    [Fact]
    public void JobsTableDefinition_HasJobIdKeyTheUserIndexAndTheTwoSparseIndexes()
    {
        var definition = ResourceBootstrapper.JobsTableDefinition("jobs");

        var key = Assert.Single(definition.KeySchema);
        Assert.Equal((JobsTableSchema.JobId, KeyType.HASH), (key.AttributeName, key.KeyType));
        Assert.Equal(
            [
                (JobsTableSchema.UserIndex, JobsTableSchema.UserId, JobsTableSchema.CreatedAt),
                (JobsTableSchema.UnfinishedIndex, JobsTableSchema.Unfinished, JobsTableSchema.CreatedAt),
                (JobsTableSchema.FinishedIndex, JobsTableSchema.Method, JobsTableSchema.CompletedAt),
            ],
            definition.GlobalSecondaryIndexes.Select(i => (i.IndexName, i.KeySchema[0].AttributeName, i.KeySchema[1].AttributeName)));
        Assert.All(definition.GlobalSecondaryIndexes, i => Assert.Equal([KeyType.HASH, KeyType.RANGE], i.KeySchema.Select(k => k.KeyType)));
        Assert.Equal([ProjectionType.ALL, ProjectionType.KEYS_ONLY, ProjectionType.ALL], definition.GlobalSecondaryIndexes.Select(i => i.Projection.ProjectionType));
        Assert.All(definition.GlobalSecondaryIndexes.SelectMany(i => i.KeySchema),
            k => Assert.Contains(definition.AttributeDefinitions, a => a.AttributeName == k.AttributeName));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, definition.BillingMode);
    }
}
