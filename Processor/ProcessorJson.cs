using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Processor;

/// <summary>The Processor's own JSON (responses and Runtime API errors), source-generated for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PingResponse))]
[JsonSerializable(typeof(JobResponse))]
[JsonSerializable(typeof(SweepResponse))]
[JsonSerializable(typeof(FailureRecordsResponse))]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class ProcessorJson : JsonSerializerContext;

/// <summary>The body Lambda expects at /error and /init/error.</summary>
internal sealed record RuntimeError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace);
