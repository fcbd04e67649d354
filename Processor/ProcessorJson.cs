using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Processor;

/// <summary>The Processor's responses as JSON, source-generated for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PingResponse))]
[JsonSerializable(typeof(JobResponse))]
[JsonSerializable(typeof(SweepResponse))]
[JsonSerializable(typeof(FailureRecordsResponse))]
internal sealed partial class ProcessorJson : JsonSerializerContext;
