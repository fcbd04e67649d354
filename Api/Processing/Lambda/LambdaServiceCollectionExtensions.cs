using VideoAspire.Core.Lambda;

namespace VideoAspire.Api.Processing.Lambda;

internal static class LambdaServiceCollectionExtensions
{
    /// <summary>The Lambda invoker and the sender that invokes the Processor with a job's event.</summary>
    public static IServiceCollection AddLambdaSender(this IServiceCollection services)
    {
        services.AddLambdaInvoker();
        services.AddSingleton<IJobSender, LambdaSender>();
        return services;
    }
}
