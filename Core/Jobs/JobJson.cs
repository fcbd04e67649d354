using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The JSON shape of job options and segments, in the table and in the Lambda event: camelCase, enums as
/// camelCase strings, numbers for enums refused. Source-generated (<see cref="JobJsonContext"/>), so the
/// Processor works the same under Native AOT, where reflection-based JSON is off.
/// </summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The generated metadata for <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JobJsonContext.Default };
        options.Converters.Add(new JsonStringEnumConverter<CuttingMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<OutputMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<SegmentCodecs>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<OverlayMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<OverlayPosition>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<OverlayBackground>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}

[JsonSerializable(typeof(JobOptions))]
[JsonSerializable(typeof(JobEncoding))]
[JsonSerializable(typeof(JobSegment))]
[JsonSerializable(typeof(List<JobSegment>))]
[JsonSerializable(typeof(IReadOnlyList<JobSegment>))]
[JsonSerializable(typeof(ProcessorEvent))]
internal sealed partial class JobJsonContext : JsonSerializerContext;
