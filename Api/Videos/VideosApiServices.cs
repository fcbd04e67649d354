using System.Security.Claims;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Api.Videos;

/// <summary>What analyze works with, bound per request with <c>[AsParameters]</c>: the caller, the checks a job would pass, the prober.</summary>
internal sealed record VideosApiServices(ClaimsPrincipal User, JobSubmission Submission, MediaProber Prober, ObjectStore Objects, PresignedUrls Urls)
{
    public string UserId => User.UserId();
}
