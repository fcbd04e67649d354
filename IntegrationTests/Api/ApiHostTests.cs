using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The Api's start-up against real backends: health and resource bootstrap.</summary>
[Collection(AwsCollectionDefinition.Name)]
public sealed class ApiHostTests(AwsBackendFixture backend)
{
    [Fact]
    public async Task Health_ConfiguredBackendWithBootstrap_Returns200AndCreatesResources()
    {
        var bucket = AwsBackendFixture.UniqueName("api-health");
        await using var api = Api(Backend(bucket, AwsBackendFixture.UniqueName("api-health"), bootstrap: true));
        using var client = api.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var s3 = backend.CreateS3();
        var buckets = await s3.ListBucketsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(buckets.Buckets, b => b.BucketName == bucket);
    }

    [Fact]
    public async Task Health_JobsTableMissing_Returns503ButAliveStays200()
    {
        var settings = Backend(AwsBackendFixture.UniqueName("api-missing"), AwsBackendFixture.UniqueName("no-such-table"), bootstrap: false);
        await using var api = Api(settings);
        using var client = api.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    private Dictionary<string, string?> Backend(string bucket, string table, bool bootstrap) =>
        new(backend.Configuration)
        {
            ["Storage:BucketName"] = bucket,
            ["Storage:JobsTableName"] = table,
            ["Storage:BootstrapResources"] = bootstrap ? "true" : "false",
        };

    private static WebApplicationFactory<Program> Api(
        IReadOnlyDictionary<string, string?> settings, string environment = "Development") =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
}
