using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Aws;

namespace VideoAspire.Core.Lambda;

public static class LambdaInvokerServiceCollectionExtensions
{
    /// <summary>
    /// The Lambda invoker (used by the Api to dispatch and by the Processor's sweep to dispatch again). The SigV4 signer
    /// is the primary handler, wrapping the transport (no auto-redirects): resilience handlers added by the host's
    /// HttpClient defaults sit outside it, so every retry is signed afresh.
    /// </summary>
    public static IServiceCollection AddLambdaInvoker(this IServiceCollection services)
    {
        services.AddHttpClient<LambdaInvoker>((sp, http) =>
                http.BaseAddress = LambdaEndpoint.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<AwsConnection>()))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var connection = sp.GetRequiredService<AwsConnection>();
                var credentials = connection.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
                return new SigV4SigningHandler(credentials, connection.Region, "lambda",
                    new SocketsHttpHandler { AllowAutoRedirect = false });
            });
        return services;
    }
}
