using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Setup;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The job services as a host wires them, against the test backend, with one bucket and table per test class. Chunks of
/// split jobs are sent to <see cref="SentChunks"/>, for the test to run.
/// </summary>
internal static class JobServices
{
    public static ServiceProvider Build(
        AwsBackendFixture backend, string bucket, string table,
        IAmazonS3? s3 = null, IAmazonDynamoDB? dynamoDb = null, TimeProvider? timeProvider = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(backend.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:BucketName"] = bucket,
                ["Storage:JobsTableName"] = table,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "IntegrationTests", EnvironmentName = "Test" })
            .AddLogging()
            .AddMetrics();
        if (s3 is not null)
        {
            services.AddSingleton(s3);
        }

        if (dynamoDb is not null)
        {
            services.AddSingleton(dynamoDb);
        }

        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton<ResourceBootstrapper>();
        services.AddSingleton<SentChunks>();
        services.AddSingleton<IChunkSender>(sp => sp.GetRequiredService<SentChunks>());
        return services.AddJobExecution().BuildServiceProvider();
    }

    /// <summary>Creates the bucket and table as the Api's bootstrap does, without starting an Api.</summary>
    public static async Task CreateResourcesAsync(AwsBackendFixture backend, string bucket, string table)
    {
        await using var services = Build(backend, bucket, table);
        await services.BootstrapAsync(bucket, table);
    }

    public static async Task BootstrapAsync(this ServiceProvider services, string bucket, string table)
    {
        var bootstrapper = services.GetRequiredService<ResourceBootstrapper>();
        await bootstrapper.EnsureBucketAsync(bucket, ["*"], TestContext.Current.CancellationToken);
        await bootstrapper.EnsureJobsTableAsync(table, TestContext.Current.CancellationToken);
    }
}
