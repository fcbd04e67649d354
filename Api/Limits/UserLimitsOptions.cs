using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Limits;

/// <summary>
/// What one user may start (section UserLimits): uploads and job creations per minute (ASP.NET Core's rate
/// limiter, per user), and jobs waiting or running at once. Beyond a limit the Api answers 429 with Retry-After.
/// </summary>
internal sealed class UserLimitsOptions
{
    public const string SectionName = "UserLimits";

    /// <summary>Rate-limiter policy of the endpoints that start an upload.</summary>
    public const string UploadsPolicy = "uploads";

    /// <summary>Rate-limiter policy of the endpoints that start work: job creation and analyze.</summary>
    public const string JobsPolicy = "jobs";

    /// <summary>Uploads (single or multipart) one user may start per minute.</summary>
    [Range(1, 100_000)]
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>Jobs (and analyses) one user may start per minute.</summary>
    [Range(1, 100_000)]
    public int JobsPerMinute { get; set; } = 30;

    /// <summary>Jobs of one user that may be queued or processing at the same time.</summary>
    [Range(1, 10_000)]
    public int MaxActiveJobs { get; set; } = 10;

    /// <summary>Bytes one user may upload in any 24 hours (counted from the stored uploads; default 50 GB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytesPerDay { get; set; } = 50L * 1000 * 1000 * 1000;

    /// <summary>What a 429 for too many active jobs tells the client to wait before trying again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ActiveJobsRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
internal sealed partial class UserLimitsOptionsValidator : IValidateOptions<UserLimitsOptions>;
