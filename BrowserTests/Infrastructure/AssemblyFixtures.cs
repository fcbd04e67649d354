using VideoAspire.IntegrationTests.Infrastructure;

// One AWS backend for every browser test (TestVideos registers itself as an assembly fixture in its own file).
[assembly: AssemblyFixture(typeof(AwsBackendFixture))]
