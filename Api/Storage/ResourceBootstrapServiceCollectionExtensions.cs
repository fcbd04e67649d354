using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoAspire.Core.Setup;

namespace VideoAspire.Api.Storage;

internal static class ResourceBootstrapServiceCollectionExtensions
{
    /// <summary>Creates missing bucket and table at start when Storage:BootstrapResources is true.</summary>
    public static IServiceCollection AddResourceBootstrap(this IServiceCollection services)
    {
        services.TryAddSingleton<ResourceBootstrapper>();
        return services.AddHostedService<ResourceBootstrapService>();
    }
}
