using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video;

public static class VideoServiceCollectionExtensions
{
    /// <summary>Registers validated <see cref="VideoOptions"/>, the prober and the pipeline.</summary>
    public static IServiceCollection AddVideoPipeline(this IServiceCollection services)
    {
        services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.SectionName).ValidateOnStart();
        // In Lambda the function's memory is the limit unless configuration names one (MediaLimits.CheckMemory).
        services.PostConfigure<VideoOptions>(options => options.Limits.MemoryMb ??= EncodingMemory.LambdaFunctionMemoryMb());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VideoOptions>, VideoOptionsValidator>());
        services.TryAddSingleton<MediaProber>();
        services.TryAddSingleton<VideoPipeline>();
        return services;
    }
}
