using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Processor;

/// <summary>How the Processor behaves inside Lambda.</summary>
internal sealed class LambdaOptions
{
    public const string SectionName = "Lambda";

    /// <summary>Stop a job this long before the invocation's deadline, to record FAILED "timeout" and clean up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromSeconds(15);
}

[OptionsValidator]
internal sealed partial class LambdaOptionsValidator : IValidateOptions<LambdaOptions>;
