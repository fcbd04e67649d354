using System.Net;
using System.Security.Claims;
using Amazon.S3;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Problems;
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
        if (!StorageLayout.IsValidId(uploadId) || string.IsNullOrWhiteSpace(multipartUploadId))
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such upload.");
        }

        IReadOnlyList<StoredPart> parts;
        try
        {
            // The key is under the caller's own prefix: another user's multipart id does not belong to it, so S3 says NoSuchUpload.
            parts = await objects.ListPartsAsync(StorageLayout.UploadKey(user.UserId(), uploadId), multipartUploadId, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such multipart upload for this caller.");
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode >= 500)
        {
            return ApiProblems.StorageUnavailable($"S3 could not list the parts: {e.Message}");
        }

        return TypedResults.Ok(new UploadedPartsResponse([.. parts.Select(p => new UploadedPart(p.PartNumber, p.SizeBytes, p.ETag))]));
    }
}

/// <summary>The stored parts by part number; a part not listed must be sent (again).</summary>
public sealed record UploadedPartsResponse(IReadOnlyList<UploadedPart> Parts);

/// <summary>A stored part: its number, length and ETag (as S3 writes it, in quotes; complete the upload with it).</summary>
public sealed record UploadedPart(int PartNumber, long SizeBytes, string ETag);
