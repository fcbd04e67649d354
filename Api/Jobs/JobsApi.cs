using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VideoAspire.Api.Limits;
using VideoAspire.Api.Problems;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Jobs;

/// <summary>Jobs: create for an upload, follow, list, delete. Every job belongs to its caller; others get 404.</summary>
internal static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        jobs.MapPost("/", CreateJobAsync).RequireRateLimiting(UserLimitsOptions.JobsPolicy).AddEndpointFilter<ActiveJobsQuotaFilter>()
            .WithName("CreateJob").WithSummary("Create a job that cuts an uploaded video into segments")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        jobs.MapGet("/", ListJobsAsync)
            .WithName("ListJobs").WithSummary("List the caller's jobs, newest first, a page at a time");
        jobs.MapGet("/{id}", GetJobAsync)
            .WithName("GetJob").WithSummary("Get a job: status, progress, and its segments' links once done")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapDelete("/{id}", DeleteJobAsync)
            .WithName("DeleteJob").WithSummary("Delete a job and everything it stored")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return jobs;
    }

    internal static async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> CreateJobAsync(
        CreateJobRequest request, [AsParameters] JobsApiServices services, CancellationToken cancellationToken) =>
        await services.Submission.SubmitAsync(services.UserId, request, cancellationToken) switch
        {
            { Invalid: { } invalid } => invalid,
            { Refused: { } refused } => refused,
            { Value: { } job } => TypedResults.Accepted($"/api/jobs/{job.Id}", await services.ViewAsync(job)),
            _ => throw new UnreachableException(),
        };

    internal static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetJobAsync(
        string id, [AsParameters] JobsApiServices services, CancellationToken cancellationToken) =>
        StorageLayout.IsValidId(id) && await services.Store.FindForUserAsync(services.UserId, id, cancellationToken) is { } job
            ? TypedResults.Ok(await services.ViewAsync(job))
            : JobNotFound(id);

    internal static async Task<Results<Ok<JobPage>, ValidationProblem>> ListJobsAsync(
        [AsParameters] JobsApiServices services, CancellationToken cancellationToken, [FromQuery] int? limit = null, [FromQuery] string? cursor = null)
    {
        var pageSize = limit ?? 20;
        var maxPageSize = services.Options.Value.MaxPageSize;
        if (pageSize < 1 || pageSize > maxPageSize)
        {
            return ApiProblems.Invalid("limit", $"Must be between 1 and {maxPageSize}.");
        }

        var userId = services.UserId;
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? startAfter = null;
        if (cursor is not null && (startAfter = JobCursor.Decode(cursor, userId)) is null)
        {
            return ApiProblems.Invalid("cursor", "Not a cursor returned by this endpoint for this caller.");
        }

        var (jobs, next) = await services.Store.ListForUserAsync(userId, pageSize, startAfter, cancellationToken);
        return TypedResults.Ok(new JobPage([.. jobs.Select(JobViews.ToSummary)], next is null ? null : JobCursor.Encode(next)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteJobAsync(
        string id, [AsParameters] JobsApiServices services, CancellationToken cancellationToken)
    {
        // Record first (a conditional delete: refused when the job is not there or not the caller's); a worker
        // still on it notices at its next heartbeat and removes what it stores after this.
        if (!StorageLayout.IsValidId(id) || !await services.Store.DeleteAsync(services.UserId, id, cancellationToken))
        {
            return JobNotFound(id);
        }

        await services.Objects.DeletePrefixAsync(StorageLayout.JobPrefix(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The one answer for a job id that is malformed, unknown or someone else's (also the events stream's).</summary>
    internal static ProblemHttpResult JobNotFound(string id) =>
        ApiProblems.NotFound("job_not_found", $"No job '{id}' was found for this caller.");
}
