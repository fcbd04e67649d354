using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Uploads;

/// <summary>
/// The parts of the caller's multipart upload that S3 holds: what a client needs to resume an interrupted upload
/// (after a reload, or to retry) without sending the stored parts again. The web page's Uppy asks for them.
/// </summary>
internal static class UploadedPartsApi
{
    public static IEndpointRouteBuilder MapUploadedPartsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/uploads/multipart/{uploadId}/parts", ListPartsAsync).WithTags("Uploads").RequireAuthorization()
            .WithName("ListUploadedParts").WithSummary("List the parts of a multipart upload stored so far, to resume it")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return routes;
    }

    internal static async Task<Results<Ok<UploadedPartsResponse>, ProblemHttpResult>> ListPartsAsync(
        string uploadId, string multipartUploadId, ClaimsPrincipal user, ObjectStore objects, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredPart> parts = [];
        if (await UploadsApi.OnCallersMultipartAsync(uploadId, multipartUploadId, user, "list the parts",
            async key => parts = await objects.ListPartsAsync(key, multipartUploadId, cancellationToken)) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(new UploadedPartsResponse([.. parts.Select(p => new UploadedPart(p.PartNumber, p.SizeBytes, p.ETag))]));
    }
}

/// <summary>The stored parts by part number; a part not listed must be sent (again).</summary>
public sealed record UploadedPartsResponse(IReadOnlyList<UploadedPart> Parts);

/// <summary>A stored part: its number, length and ETag (as S3 writes it, in quotes; complete the upload with it).</summary>
public sealed record UploadedPart(int PartNumber, long SizeBytes, string ETag);
