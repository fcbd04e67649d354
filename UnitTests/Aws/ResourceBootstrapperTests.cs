using Amazon.DynamoDBv2;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Aws;

public sealed class ResourceBootstrapperTests
{
    [Fact]
    public void JobsTableDefinition_HasJobIdKeyAndUserIndexNewestFirst()
    {
        var definition = ResourceBootstrapper.JobsTableDefinition("jobs");

        var key = Assert.Single(definition.KeySchema);
        Assert.Equal((JobsTableSchema.JobId, KeyType.HASH), (key.AttributeName, key.KeyType));
        var index = Assert.Single(definition.GlobalSecondaryIndexes);
        Assert.Equal(JobsTableSchema.UserIndex, index.IndexName);
        Assert.Equal(
            [(JobsTableSchema.UserId, KeyType.HASH), (JobsTableSchema.CreatedAt, KeyType.RANGE)],
            index.KeySchema.Select(k => (k.AttributeName, k.KeyType)));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, definition.BillingMode);
    }
}
