using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How long the segment and thumbnail links in a job view stay valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 100)]
    public int MaxPageSize { get; set; } = 50;
}

[OptionsValidator]
internal sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>;
