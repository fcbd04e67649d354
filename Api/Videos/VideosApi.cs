using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Limits;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Api.Videos;

/// <summary>Look before cutting: the uploaded video's facts and the plan a job would follow.</summary>
internal static class VideosApi
{
    public static RouteGroupBuilder MapVideosApi(this IEndpointRouteBuilder routes)
    {
        var videos = routes.MapGroup("/api/videos").WithTags("Videos").RequireAuthorization();
        videos.MapPost("/analyze", AnalyzeAsync).RequireRateLimiting(UserLimitsOptions.JobsPolicy);
        return videos;
    }

    internal static async Task<Results<Ok<AnalysisResponse>, ValidationProblem, ProblemHttpResult>> AnalyzeAsync(
        AnalyzeRequest request, ClaimsPrincipal user, MediaProber prober, ObjectStore objects, PresignedUrls urls,
        IOptions<UploadOptions> uploads, CancellationToken cancellationToken)
    {
        var cutting = request.Cutting ?? CuttingOptions.Fixed(10);
        if (Jobs.JobRequestValidator.ValidateCutting(cutting) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        var key = StorageLayout.UploadKey(user.UserId(), request.UploadId);
        if (await objects.GetUploadAsync(key, cancellationToken) is not { } upload)
        {
            return ApiProblems.NotFound("upload_not_found", $"No uploaded video '{request.UploadId}' was found for this caller.");
        }

        if (UploadRules.StoredUploadProblem(upload, uploads.Value) is { } problem)
        {
            return ApiProblems.BadRequest("upload_refused", problem);
        }

        try
        {
            var media = await prober.ProbeAsync(await urls.ForGetAsync(objects.Bucket, key, TimeSpan.FromMinutes(15)), cancellationToken);
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
    [property: Required, RegularExpression("^[0-9a-f]{32}$", ErrorMessage = "Must be an uploadId returned by POST /api/uploads.")] string UploadId,
    CuttingOptions? Cutting = null);

public sealed record AnalysisResponse(
    double DurationSeconds, string Format, VideoFacts Video, AudioFacts? Audio, IReadOnlyList<PlannedSegment> Segments);

public sealed record VideoFacts(string Codec, int Width, int Height, double FramesPerSecond, int Rotation, bool VariableFrameRate);

public sealed record AudioFacts(string Codec, int SampleRate, int Channels);

public sealed record PlannedSegment(int Index, double StartSeconds, double DurationSeconds);
