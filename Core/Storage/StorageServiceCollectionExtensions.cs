using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;

namespace VideoAspire.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The AWS clients (<see cref="AwsServiceCollectionExtensions.AddAwsClients"/>), validated
    /// <see cref="StorageOptions"/> and <see cref="PresignedUrls"/>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddAwsClients();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<PresignedUrls>();
        return services;
    }
}
