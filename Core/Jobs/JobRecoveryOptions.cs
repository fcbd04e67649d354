using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// How jobs survive crashes, whatever runs them (section "Processing", shared by the Api and the Processor):
/// when a silent attempt counts as dead, how often a job may be tried, and how the sweep finds stranded jobs.
/// </summary>
public sealed class JobRecoveryOptions
{
    public const string SectionName = "Processing";

    /// <summary>A PROCESSING job without a heartbeat for this long may be claimed again (its attempt died).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts a job gets: a transient failure before the last one gives the job back; then it is FAILED.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often the sweep looks for jobs nobody runs (stranded QUEUED, stale PROCESSING).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A QUEUED Lambda job untouched for this long is dispatched again: Lambda's own retries (after 1 and 2 minutes)
    /// come first, so this is longer than they take.
    /// </summary>
    public TimeSpan LambdaRedispatchAfter { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Written by hand: a TimeSpan [Range] needs reflection, which the Processor's Native AOT build does not keep.</summary>
internal sealed class JobRecoveryOptionsValidator : IValidateOptions<JobRecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, JobRecoveryOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        Check(builder, options.StaleAfter, TimeSpan.FromSeconds(5), TimeSpan.FromDays(1), nameof(options.StaleAfter));
        Check(builder, options.SweepInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), nameof(options.SweepInterval));
        Check(builder, options.LambdaRedispatchAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), nameof(options.LambdaRedispatchAfter));
        if (options.MaxAttempts is < 1 or > 10)
        {
            builder.AddError("must be between 1 and 10.", $"{JobRecoveryOptions.SectionName}:{nameof(options.MaxAttempts)}");
        }

        return builder.Build();
    }

    private static void Check(ValidateOptionsResultBuilder builder, TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            builder.AddError($"must be between {min:c} and {max:c}.", $"{JobRecoveryOptions.SectionName}:{name}");
        }
    }
}
