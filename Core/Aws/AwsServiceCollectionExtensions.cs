using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers validated <see cref="AwsOptions"/>, the resolved <see cref="AwsConnection"/> and one S3 and one
    /// DynamoDB client built from it.
    /// </summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsConnectionValidator>());

        services.TryAddSingleton(sp => AwsConnection.Resolve(
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => AwsClientFactory.CreateS3(sp.GetRequiredService<AwsConnection>()));
        services.TryAddSingleton(sp => AwsClientFactory.CreateDynamoDb(sp.GetRequiredService<AwsConnection>()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
