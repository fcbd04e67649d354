using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Processor.Runtime;

/// <summary>The Runtime API's own JSON (the error body), source-generated for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJson : JsonSerializerContext;
