using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.LambdaEmulator;

/// <summary>The functions the emulator serves and how it treats asynchronous invocations, as Lambda does.</summary>
public sealed class LambdaEmulatorOptions
{
    public const string SectionName = "LambdaEmulator";

    /// <summary>Function name -> settings; e.g. LambdaEmulator__Functions__processor__Timeout=00:15:00.</summary>
    [Required]
    [MinLength(1, ErrorMessage = "Configure at least one function under LambdaEmulator:Functions.")]
    public Dictionary<string, FunctionOptions> Functions { get; set; } = [];

    /// <summary>Retries of an asynchronous ("Event") invocation that ended in a function error: Lambda's default is 2.</summary>
    [Range(0, 2)]
    public int AsyncRetries { get; set; } = 2;

    /// <summary>Wait before each retry (Lambda waits about 1, then 2 minutes; shorter here so local runs move on).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Deliveries of every asynchronous event. Lambda delivers at least once; 2 rehearses a duplicate
    /// delivery on purpose (the Processor must then do the job once).
    /// </summary>
    [Range(1, 3)]
    public int DeliveriesPerEvent { get; set; } = 1;
}

public sealed class FunctionOptions
{
    /// <summary>The function's timeout: the deadline each invocation is given (Lambda: at most 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
}

[OptionsValidator]
internal sealed partial class LambdaEmulatorOptionsValidator : IValidateOptions<LambdaEmulatorOptions>;
