using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoAspire.Api.DevServices;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The Api's start-up against real backends: health, resource bootstrap, dev services.</summary>
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
        Assert.DoesNotContain(api.Services.GetServices<IHostedService>(), s => s is DevServicesLifetime);
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
    public async Task DevServices_DevelopmentWithNoEndpoint_StartsEmulatorsAndStopsThemWithTheApi()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("api-dev-services-").FullName;
        int pid;
        await using (var api = Api(new Dictionary<string, string?> { ["DevServices:DataDirectory"] = dataDirectory }))
        {
            using var client = api.CreateClient();
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            var devServices = Assert.Single(api.Services.GetServices<IHostedService>().OfType<DevServicesLifetime>());
            pid = devServices.Emulators.ProcessId;

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.True(await ProcessProbe.ExitedAsync(pid), $"emulator process {pid} outlived the Api");
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task DevServices_ProductionWithNoEndpoint_NeverStart()
    {
        // A region, so the SDK clients can be built without looking for one on this machine.
        await using var api = Api(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "eu-west-1",
            ["Auth:Authority"] = "https://issuer.example.test",
            ["Auth:Audience"] = "videoaspire",
        }, environment: Environments.Production);

        var hosted = api.Services.GetServices<IHostedService>();

        Assert.DoesNotContain(hosted, s => s is DevServicesLifetime);
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
