using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Uploads;

/// <summary>
/// The upload limits a client needs before it starts: the web page picks single PUT or multipart and cuts parts
/// of the size the Api will sign, and refuses a too-large file before sending a byte.
/// </summary>
internal static class UploadLimitsApi
{
    public static IEndpointRouteBuilder MapUploadLimitsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/uploads/limits", GetLimits).WithTags("Uploads").RequireAuthorization()
            .WithName("GetUploadLimits").WithSummary("Get the upload limits: sizes, part size and accepted types");
        return routes;
    }

    internal static Ok<UploadLimitsResponse> GetLimits(IOptions<UploadOptions> options) =>
        TypedResults.Ok(new UploadLimitsResponse(
            options.Value.MaxUploadBytes, options.Value.MaxSinglePutBytes, options.Value.PartSizeBytes, options.Value.AllowedContentTypes));
}

/// <summary>
/// <paramref name="PartSizeBytes"/> is the preferred part size; for a file over 10,000 of them the Api raises it to
/// the file size / 10,000 (rounded up), as the multipart answer's partSizeBytes says.
/// </summary>
public sealed record UploadLimitsResponse(long MaxUploadBytes, long MaxSinglePutBytes, long PartSizeBytes, IReadOnlyList<string> AllowedContentTypes);
