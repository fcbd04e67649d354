using System.Security.Claims;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// What the jobs endpoints work with, bound per request with <c>[AsParameters]</c>: the caller, the submission path,
/// the table, and what a job view needs (its download links).
/// </summary>
internal sealed record JobsApiServices(
    ClaimsPrincipal User, JobSubmission Submission, JobStore Store, ObjectStore Objects, PresignedUrls Urls, IOptions<JobsOptions> Options)
{
    public string UserId => User.UserId();

    /// <summary>The job as the Api shows it, with links valid for Jobs:DownloadUrlLifetime.</summary>
    public Task<JobView> ViewAsync(Job job) => JobViews.ToViewAsync(job, Urls, Objects.Bucket, Options.Value.DownloadUrlLifetime);
}
