using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// GET /api/jobs/{id}/events: a job's progress as Server-Sent Events, so a page follows a job over one request
/// instead of polling. The Api reads the job from the store once a second (the Processor may run in another process
/// or in Lambda, so the store is where progress is) and sends an event only when something changed:
/// "segment" (<see cref="SegmentView"/>, with its links) for each segment stored since the last read, then
/// "progress" (<see cref="JobProgressEvent"/>) while it runs, then one "done" (<see cref="JobView"/>, with the
/// segments' links) when it completes or fails, and the stream ends. A "progress" is repeated every 15 s as a keep-alive.
/// Each stream sends every index once, from its first read on, so a client that reconnects gets every segment stored so
/// far again (a client keeps them by index). An attempt that starts over (a retry) sends its segments again, by index.
/// </summary>
internal static class JobEventsApi
{
    public const string SegmentEvent = "segment";
    public const string ProgressEvent = "progress";
    public const string DoneEvent = "done";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapJobEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/jobs/{id}/events", GetJobEventsAsync).WithTags("Jobs").RequireAuthorization()
            .WithName("GetJobEvents").WithSummary("Follow a job's progress as Server-Sent Events")
            .WithDescription("Events: `segment` (a SegmentView) for each segment stored since the last read, each index once per stream; "
                + "`progress` (status, stage, progress) when it changed, at least every 15 s; then one `done` (a JobView) and the stream ends.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> GetJobEventsAsync(
        string id, ClaimsPrincipal user, JobStore store, PresignedUrls urls, ObjectStore objects, IOptions<JobsOptions> options,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (!StorageLayout.IsValidId(id) || await store.FindForUserAsync(userId, id, cancellationToken) is not { } job)
        {
            return JobsApi.JobNotFound(id);
        }

        // Every job read here is the caller's (FindForUserAsync), so its segments' links may be made.
        var lifetime = options.Value.DownloadUrlLifetime;
        var events = EventsAsync(job, () => store.FindForUserAsync(userId, id, cancellationToken),
            new JobEventViews(
                finished => JobViews.ToViewAsync(finished, urls, objects.Bucket, lifetime),
                segment => JobViews.ToViewAsync(segment, urls, objects.Bucket, lifetime)),
            timeProvider, cancellationToken);
        return TypedResults.ServerSentEvents(events);
    }

    /// <summary>The events of one job from its first read on; ends when the job ends or is deleted.</summary>
    internal static async IAsyncEnumerable<SseItem<object>> EventsAsync(
        Job first, Func<Task<Job?>> read, JobEventViews views, TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JobProgressEvent? last = null;
        var lastSentAt = timeProvider.GetUtcNow();
        var sent = new SentSegments();
        for (Job? job = first; job is not null; job = await read())
        {
            foreach (var segment in sent.New(job))
            {
                yield return new SseItem<object>(await views.Segment(segment), SegmentEvent);
            }

            if (job.Status is JobStatus.Completed or JobStatus.Failed)
            {
                yield return new SseItem<object>(await views.Job(job), DoneEvent);
                yield break;
            }

            var progress = new JobProgressEvent(JobViews.Status(job.Status), job.Stage, job.Progress);
            if (progress != last || timeProvider.GetUtcNow() - lastSentAt >= KeepAlive)
            {
                yield return new SseItem<object>(progress, ProgressEvent);
                (last, lastSentAt) = (progress, timeProvider.GetUtcNow());
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }
}

/// <summary>How the events stream shows a job and a segment (both with presigned links: only for the caller's job).</summary>
internal sealed record JobEventViews(Func<Job, Task<JobView>> Job, Func<JobSegment, Task<SegmentView>> Segment);

/// <summary>A running job's state: status, stage and percent (0-100), as GET /api/jobs/{id} has them.</summary>
public sealed record JobProgressEvent(string Status, string Stage, double Progress);
