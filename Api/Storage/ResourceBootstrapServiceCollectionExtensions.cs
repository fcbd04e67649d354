namespace VideoAspire.Api.Storage;

internal static class ResourceBootstrapServiceCollectionExtensions
{
    /// <summary>Creates missing bucket and table at start when Storage:BootstrapResources is true.</summary>
    public static IServiceCollection AddResourceBootstrap(this IServiceCollection services) =>
        services.AddHostedService<ResourceBootstrapService>();
}
