namespace VideoAspire.Api.Health;

internal static class AwsResourcesHealthCheckExtensions
{
    /// <summary>Adds the bucket/table check to /health (not to /alive: a slow S3 must not restart the process).</summary>
    public static IServiceCollection AddAwsResourcesHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<AwsResourcesHealthCheck>("aws-resources", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
