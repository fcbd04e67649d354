using VideoAspire.Core.Lambda;

namespace VideoAspire.Api.Processing.Lambda;

internal static class LambdaServiceCollectionExtensions
{
    /// <summary>The Lambda invoker and the dispatcher that routes each job to its method.</summary>
    public static IServiceCollection AddLambdaDispatch(this IServiceCollection services)
    {
        services.AddLambdaInvoker();
        services.AddSingleton<LambdaDispatcher>();
        return services;
    }
}
