using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video;

namespace VideoAspire.Core.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// The job store, the object store and the executor shared by the in-process worker and the Processor. The host adds
    /// the <see cref="IChunkSender"/> of where it runs chunks.
    /// </summary>
    public static IServiceCollection AddJobExecution(this IServiceCollection services)
    {
        services.AddStorage();
        services.AddVideoPipeline();
        services.AddOptions<JobRecoveryOptions>().BindConfiguration(JobRecoveryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<JobRecoveryOptions>, JobRecoveryOptionsValidator>());
        services.AddOptions<SegmentUploadOptions>().BindConfiguration(SegmentUploadOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<SegmentUploadOptions>, SegmentUploadOptionsValidator>());
        services.AddOptions<ChunkOptions>().BindConfiguration(ChunkOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<ChunkOptions>, ChunkOptionsValidator>());
        services.TryAddSingleton<JobStore>();
        services.TryAddSingleton<JobSweeper>();
        services.TryAddSingleton<ObjectStore>();
        services.TryAddSingleton<JobTelemetry>();
        services.TryAddSingleton<ChunkedCommit>();
        services.TryAddSingleton<JobExecutor>();
        return services;
    }
}
