using VideoAspire.LocalAws;

namespace VideoAspire.Api.DevServices;

/// <summary>Announces the embedded emulators loudly at start and stops them with the host.</summary>
internal sealed class DevServicesLifetime(EmbeddedAws emulators, ILogger<DevServicesLifetime> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The running emulators (tests use it to check that nothing is left behind).</summary>
    public EmbeddedAws Emulators => emulators;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.DevServicesStarted(logger, emulators.S3ServiceUrl, emulators.DynamoDbServiceUrl, emulators.DataDirectory, emulators.ProcessId);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await emulators.DisposeAsync();
        Log.DevServicesStopped(logger);
    }

    public ValueTask DisposeAsync() => emulators.DisposeAsync();
}
