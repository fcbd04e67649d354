using Microsoft.Extensions.Options;

namespace VideoAspire.Processor;

/// <summary>How the Processor behaves inside Lambda.</summary>
internal sealed class LambdaOptions
{
    public const string SectionName = "Lambda";

    public static readonly TimeSpan MaxDeadlineMargin = TimeSpan.FromMinutes(10);

    /// <summary>Stop a job this long before the invocation's deadline, to record FAILED "timeout" and clean up.</summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Written by hand: a TimeSpan [Range] needs reflection, which Native AOT does not keep.</summary>
internal sealed class LambdaOptionsValidator : IValidateOptions<LambdaOptions>
{
    public ValidateOptionsResult Validate(string? name, LambdaOptions options) =>
        options.DeadlineMargin < TimeSpan.Zero || options.DeadlineMargin > LambdaOptions.MaxDeadlineMargin
            ? ValidateOptionsResult.Fail($"Lambda:DeadlineMargin must be between 00:00:00 and {LambdaOptions.MaxDeadlineMargin:c}.")
            : ValidateOptionsResult.Success;
}
