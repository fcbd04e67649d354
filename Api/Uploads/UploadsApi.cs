using System.Net;
using System.Security.Claims;
using Amazon.S3;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Limits;
using VideoAspire.Api.Problems;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Uploads;

/// <summary>Direct-to-S3 uploads: the Api hands out presigned URLs; video bytes never pass through it.</summary>
internal static class UploadsApi
{
    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder routes)
    {
        var uploads = routes.MapGroup("/api/uploads").WithTags("Uploads").RequireAuthorization();
        uploads.MapPost("/", CreateUploadAsync).RequireRateLimiting(UserLimitsOptions.UploadsPolicy).AddEndpointFilter<UploadQuotaFilter>()
            .WithName("CreateUpload").WithSummary("Get a presigned URL to upload a video in one PUT")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        uploads.MapPost("/multipart", StartMultipartAsync).RequireRateLimiting(UserLimitsOptions.UploadsPolicy).AddEndpointFilter<UploadQuotaFilter>()
            .WithName("StartMultipartUpload").WithSummary("Start a multipart upload and get the first parts' presigned URLs")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        uploads.MapPost("/multipart/{uploadId}/parts", GetPartUrlsAsync)
            .WithName("GetPartUrls").WithSummary("Get presigned URLs for more parts of a multipart upload")
            .ProducesProblem(StatusCodes.Status404NotFound);
        uploads.MapPost("/multipart/{uploadId}/complete", CompleteMultipartAsync)
            .WithName("CompleteMultipartUpload").WithSummary("Complete a multipart upload from its parts' ETags")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway);
        uploads.MapDelete("/multipart/{uploadId}", AbortMultipartAsync)
            .WithName("AbortMultipartUpload").WithSummary("Abort a multipart upload and drop its stored parts")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return uploads;
    }

    internal static async Task<Results<Created<UploadResponse>, ValidationProblem>> CreateUploadAsync(
        CreateUploadRequest request, ClaimsPrincipal user, PresignedUrls urls, ObjectStore objects,
        IOptions<UploadOptions> options, TimeProvider timeProvider)
    {
        if (UploadRules.Check(request, options.Value, multipart: false) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        var uploadId = StorageLayout.NewId();
        var key = StorageLayout.UploadKey(user.UserId(), uploadId);
        var expiresAt = timeProvider.GetUtcNow() + options.Value.UrlLifetime;
        var url = await urls.ForPutAsync(objects.Bucket, key, request.ContentType, request.SizeBytes, options.Value.UrlLifetime);
        // Content-Length is signed too; HTTP clients and browsers send it from the body.
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = request.ContentType,
            [UploadMetadata.DeclaredSizeHeader] = UploadMetadata.Format(request.SizeBytes),
        };
        return TypedResults.Created((string?)null, new UploadResponse(uploadId, key, url, "PUT", headers, expiresAt));
    }

    internal static async Task<Results<Created<MultipartUploadResponse>, ValidationProblem>> StartMultipartAsync(
        CreateUploadRequest request, ClaimsPrincipal user, PresignedUrls urls, ObjectStore objects,
        IOptions<UploadOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (UploadRules.Check(request, options.Value, multipart: true) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        var uploadId = StorageLayout.NewId();
        var key = StorageLayout.UploadKey(user.UserId(), uploadId);
        var multipartId = await objects.StartMultipartAsync(key, request.ContentType, request.SizeBytes, cancellationToken);
        var partSize = UploadRules.PartSize(request.SizeBytes, options.Value.PartSizeBytes);
        var partCount = UploadRules.PartCount(request.SizeBytes, partSize);
        var parts = await PartUrlsAsync(urls, objects.Bucket, key, multipartId,
            Enumerable.Range(1, Math.Min(partCount, options.Value.InitialPartUrls)),
            number => UploadRules.PartLength(request.SizeBytes, partSize, number), options.Value.UrlLifetime);
        return TypedResults.Created((string?)null, new MultipartUploadResponse(
            uploadId, key, multipartId, partSize, partCount, parts, timeProvider.GetUtcNow() + options.Value.UrlLifetime));
    }

    internal static async Task<Results<Ok<PartUrlsResponse>, ValidationProblem, ProblemHttpResult>> GetPartUrlsAsync(
        string uploadId, PartUrlsRequest request, ClaimsPrincipal user, PresignedUrls urls, ObjectStore objects,
        IOptions<UploadOptions> options, TimeProvider timeProvider)
    {
        if (!StorageLayout.IsValidId(uploadId))
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such upload.");
        }

        if (request.PartNumbers.Any(n => n is < 1 or > UploadOptions.MaxParts))
        {
            return ApiProblems.Invalid("partNumbers", $"Part numbers run from 1 to {UploadOptions.MaxParts}.");
        }

        Func<int, long?> lengthOf = _ => null;
        if (request.SizeBytes is { } size)
        {
            var partSize = UploadRules.PartSize(size, options.Value.PartSizeBytes);
            var partCount = UploadRules.PartCount(size, partSize);
            if (request.PartNumbers.Any(n => n > partCount))
            {
                return ApiProblems.Invalid("partNumbers", $"A file of {size} bytes has {partCount} parts.");
            }

            lengthOf = number => UploadRules.PartLength(size, partSize, number);
        }

        var key = StorageLayout.UploadKey(user.UserId(), uploadId);
        var parts = await PartUrlsAsync(urls, objects.Bucket, key, request.MultipartUploadId, request.PartNumbers.Distinct(), lengthOf,
            options.Value.UrlLifetime);
        return TypedResults.Ok(new PartUrlsResponse(parts, timeProvider.GetUtcNow() + options.Value.UrlLifetime));
    }

    internal static async Task<Results<Ok<CompletedUploadResponse>, ValidationProblem, ProblemHttpResult>> CompleteMultipartAsync(
        string uploadId, CompleteMultipartRequest request, ClaimsPrincipal user, ObjectStore objects, CancellationToken cancellationToken)
    {
        if (!StorageLayout.IsValidId(uploadId))
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such upload.");
        }

        if (request.Parts.Select(p => p.PartNumber).Distinct().Count() != request.Parts.Count)
        {
            return ApiProblems.Invalid("parts", "Each part number may appear once.");
        }

        var key = StorageLayout.UploadKey(user.UserId(), uploadId);
        try
        {
            await objects.CompleteMultipartAsync(key, request.MultipartUploadId,
                request.Parts.OrderBy(p => p.PartNumber).Select(p => (p.PartNumber, p.ETag)), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such multipart upload for this caller.");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            return ApiProblems.BadRequest("invalid_parts", $"S3 refused the parts: {e.Message}");
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode >= 500)
        {
            return ApiProblems.StorageUnavailable($"S3 could not complete the upload: {e.Message}");
        }

        var size = await objects.GetSizeAsync(key, cancellationToken) ?? 0;
        return TypedResults.Ok(new CompletedUploadResponse(uploadId, key, size));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> AbortMultipartAsync(
        string uploadId, string multipartUploadId, ClaimsPrincipal user, ObjectStore objects, CancellationToken cancellationToken) =>
        await OnCallersMultipartAsync(uploadId, multipartUploadId, user, "abort the upload",
            key => objects.AbortMultipartAsync(key, multipartUploadId, cancellationToken)) is { } problem
            ? problem
            : TypedResults.NoContent();

    /// <summary>
    /// Runs <paramref name="action"/> on the caller's multipart upload (its key is under the caller's own prefix, so
    /// another user's id is S3's NoSuchUpload): null when it ran, else 404 <c>upload_not_found</c> for an id that is
    /// malformed, unknown, aborted, completed or someone else's, or 502 when S3 failed. The one home of these answers
    /// for every endpoint that acts on an existing multipart upload.
    /// </summary>
    internal static async Task<ProblemHttpResult?> OnCallersMultipartAsync(
        string uploadId, string multipartUploadId, ClaimsPrincipal user, string doing, Func<string, Task> action)
    {
        if (!StorageLayout.IsValidId(uploadId) || string.IsNullOrWhiteSpace(multipartUploadId))
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such upload.");
        }

        try
        {
            await action(StorageLayout.UploadKey(user.UserId(), uploadId));
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return ApiProblems.NotFound("upload_not_found", "There is no such multipart upload for this caller.");
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode >= 500)
        {
            return ApiProblems.StorageUnavailable($"S3 could not {doing}: {e.Message}");
        }
    }

    private static async Task<List<PartUrl>> PartUrlsAsync(
        PresignedUrls urls, string bucket, string key, string multipartId, IEnumerable<int> partNumbers, Func<int, long?> lengthOf,
        TimeSpan lifetime)
    {
        var parts = new List<PartUrl>();
        foreach (var number in partNumbers)
        {
            parts.Add(new PartUrl(number, await urls.ForUploadPartAsync(bucket, key, multipartId, number, lengthOf(number), lifetime)));
        }

        return parts;
    }
}
