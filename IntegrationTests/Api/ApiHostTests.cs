using System.Net;
using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The Api's start-up against real backends: health, resource bootstrap, and no start without a region.</summary>
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

    [Fact]
    public void Start_NoRegionAnywhere_FailsNamingHowToSetOneAndTheAppHost()
    {
        // The Api starts no emulators of its own: given no region, it refuses to start and says what to do.
        Assert.SkipWhen(FallbackRegionFactory.GetRegionEndpoint() is not null,
            "this machine has a region of its own (AWS_REGION, a profile or instance metadata), which the Api would use");
        using var api = Api(new Dictionary<string, string?>());

        var exception = Assert.Throws<OptionsValidationException>(() => api.Services);

        Assert.Contains("AWS_REGION", exception.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project AppHost", exception.Message, StringComparison.Ordinal);
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
