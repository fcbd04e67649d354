using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Uploads;

internal static class UploadServiceCollectionExtensions
{
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UploadOptions>, UploadOptionsValidator>();
        return services;
    }
}
