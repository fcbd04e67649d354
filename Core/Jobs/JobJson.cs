using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Core.Jobs;

/// <summary>The JSON shape of job options and segments, in the table and in the Lambda event: camelCase, enums as strings.</summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
