using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoAspire.Api.Json;

internal static class ApiJsonServiceCollectionExtensions
{
    /// <summary>Enums as camelCase strings, numbers for enums refused, unknown members refused: a typo is a 400, not a silent default.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
}
