using System.Text;
using System.Text.Json;

namespace VideoAspire.Api.Problems;

/// <summary>
/// The one place that makes every ProblemDetails look alike, whoever wrote it (<see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>):
/// a stable "code", and field errors named as the client sent them.
/// </summary>
internal static class ProblemDetailsConventions
{
    public const string ValidationTitle = "One or more fields are invalid.";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails validation)
        {
            // Attribute validation (AddValidation) names fields after the C# members ("SizeBytes", "Parts[0].ETag").
            var renamed = validation.Errors.ToDictionary(e => JsonFieldName(e.Key), e => e.Value, StringComparer.Ordinal);
            validation.Errors.Clear();
            foreach (var (field, messages) in renamed)
            {
                validation.Errors[field] = messages;
            }

            problem.Title = ValidationTitle;
            problem.Extensions.TryAdd("code", ProblemCodes.ValidationFailed);
        }

        problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode));
    }

    /// <summary>A member path as it appears in the request's JSON: each segment camelCase, indexes kept ("Parts[0].ETag" is "parts[0].eTag").</summary>
    public static string JsonFieldName(string memberPath)
    {
        var name = new StringBuilder(memberPath.Length);
        foreach (var segment in memberPath.Split('.'))
        {
            var index = segment.IndexOf('[', StringComparison.Ordinal);
            var member = index < 0 ? segment : segment[..index];
            name.Append(name.Length == 0 ? "" : ".").Append(JsonNamingPolicy.CamelCase.ConvertName(member)).Append(index < 0 ? "" : segment[index..]);
        }

        return name.ToString();
    }
}
