using Microsoft.Extensions.Options;
using VideoAspire.Api.Processing.Lambda;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

internal static class ProcessingServiceCollectionExtensions
{
    /// <summary>Job execution, the dispatcher with one sender per method, and the in-process worker.</summary>
    public static IServiceCollection AddProcessing(this IServiceCollection services)
    {
        services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>();
        services.AddJobExecution();
        services.AddSingleton<InProcessQueue>();
        services.AddSingleton<IJobSender, InProcessSender>();
        services.AddLambdaSender();
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<InProcessWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessWorker>());
        return services;
    }
}
