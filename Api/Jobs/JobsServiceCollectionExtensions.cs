using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Jobs;

internal static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddJobsApi(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<JobRequestValidator>();
        services.AddSingleton<JobSubmission>();
        return services;
    }
}
