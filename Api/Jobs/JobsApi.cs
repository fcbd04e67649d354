using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Limits;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Processing;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>Jobs: create for an upload, follow, list, delete. Every job belongs to its caller; others get 404.</summary>
internal static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        jobs.MapPost("/", CreateJobAsync).RequireRateLimiting(UserLimitsOptions.JobsPolicy).AddEndpointFilter<ActiveJobsQuotaFilter>();
        jobs.MapGet("/", ListJobsAsync);
        jobs.MapGet("/{id}", GetJobAsync).WithName("GetJob");
        jobs.MapDelete("/{id}", DeleteJobAsync);
        return jobs;
    }

    internal static async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> CreateJobAsync(
        CreateJobRequest request, ClaimsPrincipal user, JobRequestValidator validator, ObjectStore objects, JobStore store,
        JobDispatcher dispatcher, PresignedUrls urls, IOptions<UploadOptions> uploads, IOptions<JobsOptions> options,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var cutting = request.Cutting ?? CuttingOptions.Fixed(10);
        var overlay = request.Overlay ?? TextOverlay.None;
        if (validator.Validate(cutting, request.Output, overlay) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        var userId = user.UserId();
        var sourceKey = StorageLayout.UploadKey(userId, request.UploadId);
        if (await objects.GetUploadAsync(sourceKey, cancellationToken) is not { } upload)
        {
            return ApiProblems.NotFound("upload_not_found", $"No uploaded video '{request.UploadId}' was found for this caller.");
        }

        if (UploadRules.StoredUploadProblem(upload, uploads.Value) is { } problem)
        {
            return ApiProblems.BadRequest("upload_refused", problem);
        }

        var now = timeProvider.GetUtcNow();
        var id = StorageLayout.NewId();
        var job = new Job
        {
            Id = id,
            UserId = userId,
            SourceKey = sourceKey,
            Options = new JobOptions(cutting, request.Output, overlay, request.Thumbnails),
            Method = dispatcher.ChooseMethod(id),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.CreateAsync(job, cancellationToken);
        await dispatcher.DispatchAsync(job, cancellationToken);
        var view = await JobViews.ToViewAsync(job, urls, objects.Bucket, options.Value.DownloadUrlLifetime);
        return TypedResults.Accepted($"/api/jobs/{id}", view);
    }

    internal static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetJobAsync(
        string id, ClaimsPrincipal user, JobStore store, PresignedUrls urls, ObjectStore objects, IOptions<JobsOptions> options,
        CancellationToken cancellationToken) =>
        StorageLayout.IsValidId(id) && await store.FindForUserAsync(user.UserId(), id, cancellationToken) is { } job
            ? TypedResults.Ok(await JobViews.ToViewAsync(job, urls, objects.Bucket, options.Value.DownloadUrlLifetime))
            : JobNotFound(id);

    internal static async Task<Results<Ok<JobPage>, ValidationProblem>> ListJobsAsync(
        ClaimsPrincipal user, JobStore store, IOptions<JobsOptions> options, CancellationToken cancellationToken,
        [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var pageSize = limit ?? 20;
        if (pageSize < 1 || pageSize > options.Value.MaxPageSize)
        {
            return ApiProblems.Invalid("limit", $"Must be between 1 and {options.Value.MaxPageSize}.");
        }

        var userId = user.UserId();
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? startAfter = null;
        if (cursor is not null && (startAfter = JobCursor.Decode(cursor, userId)) is null)
        {
            return ApiProblems.Invalid("cursor", "Not a cursor returned by this endpoint for this caller.");
        }

        var (jobs, next) = await store.ListForUserAsync(userId, pageSize, startAfter, cancellationToken);
        return TypedResults.Ok(new JobPage([.. jobs.Select(JobViews.ToSummary)], next is null ? null : JobCursor.Encode(next)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteJobAsync(
        string id, ClaimsPrincipal user, JobStore store, ObjectStore objects, CancellationToken cancellationToken)
    {
        // Record first (a conditional delete: refused when the job is not there or not the caller's); a worker
        // still on it notices at its next heartbeat and removes what it stores after this.
        if (!StorageLayout.IsValidId(id) || !await store.DeleteAsync(user.UserId(), id, cancellationToken))
        {
            return JobNotFound(id);
        }

        await objects.DeletePrefixAsync(StorageLayout.JobPrefix(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult JobNotFound(string id) =>
        ApiProblems.NotFound("job_not_found", $"No job '{id}' was found for this caller.");
}
