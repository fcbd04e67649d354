using Microsoft.Extensions.Options;
using VideoAspire.Api.Processing.Lambda;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

internal static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// Job execution, the dispatcher with one sender per configured method, the in-process worker and the sweep. The
    /// Lambda pieces (the invoker's HTTP client and the sender) are registered only with Processing:Mode=Lambda; without
    /// them the sweep hands Lambda jobs nobody runs to the in-process worker (<see cref="ProcessingSweep"/>).
    /// </summary>
    public static IServiceCollection AddProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>();
        services.AddJobExecution();
        services.AddSingleton<InProcessQueue>();
        services.AddSingleton<InProcessSender>();
        services.AddSingleton<IJobSender>(sp => sp.GetRequiredService<InProcessSender>());
        if (ProcessingOptions.UsesLambda(configuration))
        {
            services.AddLambdaSender();
        }

        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<IChunkSender>(sp => sp.GetRequiredService<JobDispatcher>());
        services.AddSingleton<ProcessingSweep>();
        services.AddSingleton<InProcessWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessWorker>());
        return services;
    }
}
