using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VideoAspire.Core.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Job metrics as embedded-metric lines on stdout, when <see cref="CloudWatchJobMetrics.NamespaceKey"/> is set
    /// (the stack sets it on the Processor); otherwise nothing is registered and stdout carries logs only.
    /// </summary>
    public static IServiceCollection AddCloudWatchJobMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[CloudWatchJobMetrics.NamespaceKey] is { Length: > 0 } metricNamespace)
        {
            services.AddHostedService(provider => new EmbeddedMetricExporter(
                provider.GetRequiredService<IHostEnvironment>().ApplicationName, metricNamespace, Console.Out, TimeProvider.System));
        }

        return services;
    }
}
