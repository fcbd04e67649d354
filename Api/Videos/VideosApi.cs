using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoAspire.Api.Jobs;
using VideoAspire.Api.Limits;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Api.Videos;

/// <summary>Look before cutting: the uploaded video's facts and the plan a job would follow.</summary>
internal static class VideosApi
{
    public static RouteGroupBuilder MapVideosApi(this IEndpointRouteBuilder routes)
    {
        var videos = routes.MapGroup("/api/videos").WithTags("Videos").RequireAuthorization();
        videos.MapPost("/analyze", AnalyzeAsync).RequireRateLimiting(UserLimitsOptions.JobsPolicy)
            .WithName("AnalyzeVideo").WithSummary("Probe an uploaded video and plan the cuts a job would make")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return videos;
    }

    internal static async Task<Results<Ok<AnalysisResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeAsync(
        AnalyzeRequest request, [AsParameters] VideosApiServices services, CancellationToken cancellationToken)
    {
        var cutting = JobRequestDefaults.Cutting(request.Cutting);
        return await services.Submission.CheckUploadAsync(services.UserId, request.UploadId, cutting, cancellationToken) switch
        {
            { Invalid: { } invalid } => invalid,
            { Refused: { } refused } => refused,
            { Value: { } key } => await ProbeAndPlanAsync(services, key, cutting, cancellationToken),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>Probes a usable upload and plans it; what the video makes impossible is a 422 with the job error's code.</summary>
    private static async Task<Results<Ok<AnalysisResponse>, ValidationProblem, ProblemHttpResult>> ProbeAndPlanAsync(
        VideosApiServices services, string key, CuttingOptions cutting, CancellationToken cancellationToken)
    {
        try
        {
            var media = await services.Prober.ProbeAsync(
                await services.Urls.ForGetAsync(services.Objects.Bucket, key, TimeSpan.FromMinutes(15)), cancellationToken);
            var plan = SegmentPlanner.Plan(media.Duration, cutting);
            return TypedResults.Ok(new AnalysisResponse(
                media.Duration.TotalSeconds, media.FormatName,
                new VideoFacts(media.Video.Codec, media.Video.Width, media.Video.Height, Math.Round(media.Video.FramesPerSecond, 3), media.Video.Rotation, media.Video.VariableFrameRate),
                media.Audio is { } a ? new AudioFacts(a.Codec, a.SampleRate, a.Channels) : null,
                [.. plan.Select(p => new PlannedSegment(p.Index, p.Start.TotalSeconds, p.Duration.TotalSeconds))]));
        }
        catch (MediaException e)
        {
            return ApiProblems.Unprocessable(JobErrorsCode(e), e.Message);
        }
        catch (SegmentPlanException e)
        {
            return ApiProblems.Unprocessable("plan_refused", e.Message);
        }
    }

    private static string JobErrorsCode(MediaException e) => Core.Jobs.JobErrors.From(e).Code;
}

public sealed record AnalyzeRequest(
    [property: Required, UploadId] string UploadId,
    CuttingOptions? Cutting = null);

public sealed record AnalysisResponse(
    double DurationSeconds, string Format, VideoFacts Video, AudioFacts? Audio, IReadOnlyList<PlannedSegment> Segments);

public sealed record VideoFacts(string Codec, int Width, int Height, double FramesPerSecond, int Rotation, bool VariableFrameRate);

public sealed record AudioFacts(string Codec, int SampleRate, int Channels);

public sealed record PlannedSegment(int Index, double StartSeconds, double DurationSeconds);
