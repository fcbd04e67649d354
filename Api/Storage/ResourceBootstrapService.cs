using Microsoft.Extensions.Options;
using VideoAspire.Core.Setup;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Storage;

/// <summary>When Storage:BootstrapResources is on, creates the bucket and jobs table before the Api serves requests.</summary>
internal sealed class ResourceBootstrapService(
    ResourceBootstrapper bootstrapper, IOptions<StorageOptions> options, ILogger<ResourceBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (!storage.BootstrapResources)
        {
            return;
        }

        await bootstrapper.EnsureBucketAsync(storage.BucketName, storage.CorsAllowedOrigins, cancellationToken);
        await bootstrapper.EnsureJobsTableAsync(storage.JobsTableName, cancellationToken);
        Log.ResourcesReady(logger, storage.BucketName, storage.JobsTableName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
