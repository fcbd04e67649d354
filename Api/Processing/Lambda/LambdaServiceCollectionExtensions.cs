using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using VideoAspire.Core.Aws;

namespace VideoAspire.Api.Processing.Lambda;

internal static class LambdaServiceCollectionExtensions
{
    /// <summary>
    /// The Lambda invoker. The SigV4 signer is the primary handler, wrapping the transport (no auto-redirects):
    /// the resilience handlers of ServiceDefaults sit outside it, so every retry is signed afresh.
    /// </summary>
    public static IServiceCollection AddLambdaDispatch(this IServiceCollection services)
    {
        services.AddHttpClient<LambdaInvoker>((sp, http) =>
                http.BaseAddress = LambdaEndpoint.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<AwsConnection>()))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var connection = sp.GetRequiredService<AwsConnection>();
                var credentials = connection.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
                return new SigV4SigningHandler(credentials, connection.Region ?? AwsConnection.DefaultEmulatorRegion, "lambda",
                    new SocketsHttpHandler { AllowAutoRedirect = false });
            });
        services.AddSingleton<LambdaDispatcher>();
        return services;
    }
}
