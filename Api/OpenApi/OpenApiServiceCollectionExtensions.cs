using Microsoft.OpenApi;

namespace VideoAspire.Api.OpenApi;

/// <summary>
/// The Api's OpenAPI document (/openapi/v1.json, Development only): what a client generator needs (the page's
/// types are generated from it), lint clean with Redocly's recommended rules (IntegrationTests/Api/OpenApiLintTests).
/// </summary>
internal static class OpenApiServiceCollectionExtensions
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Uploads"] = "Upload a video straight to storage: one presigned PUT, or a multipart upload with presigned parts.",
        ["Jobs"] = "Cut an uploaded video into segments, follow the job, list, delete.",
        ["Videos"] = "Look before cutting: an upload's facts and the cuts a job would make.",
        ["Diagnostics"] = "Operators only: the Processor's health and the processing methods compared.",
        ["Auth"] = "How the web page signs in.",
        ["Development"] = "Development only: tokens without an identity provider.",
    };

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "VideoAspire Api";
                document.Info.Description =
                    "Upload a video straight to storage with presigned URLs, cut it into segments with optional text, " +
                    "follow the job and download the segments. Errors are ProblemDetails with a stable \"code\".";

                // The document is served by the Api it describes: relative to it, whatever host name the client used
                // (by default it names the host of the request that fetched it, e.g. localhost).
                document.Servers = [new OpenApiServer { Url = "/", Description = "The Api that serves this document." }];
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
        });
}
