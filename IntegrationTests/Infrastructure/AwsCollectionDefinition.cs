namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The collection every integration class shared before the backend became an assembly fixture (<see cref="AwsBackendFixture"/>).
/// Kept so that a class still carrying <c>[Collection(AwsCollectionDefinition.Name)]</c> builds and runs as it was written:
/// serially, after the parallel classes. A new class needs no collection at all: it takes <see cref="AwsBackendFixture"/>
/// in its constructor and uses its own bucket and table names; drop this attribute from a class that does so.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsCollectionDefinition
{
    public const string Name = "aws";
}
