namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>All integration tests share one AWS backend; each test class uses its own bucket and table names.</summary>
[CollectionDefinition(Name)]
public sealed class AwsCollectionDefinition : ICollectionFixture<AwsBackendFixture>
{
    public const string Name = "aws";
}
