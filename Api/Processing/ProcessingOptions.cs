using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Processing;

/// <summary>How jobs are dispatched and how the in-process worker runs them (recovery settings: <see cref="Core.Jobs.JobRecoveryOptions"/>, same section).</summary>
internal sealed class ProcessingOptions
{
    public const string SectionName = "Processing";

    /// <summary>InProcess (the worker in this Api, the default) or Lambda (the Processor function).</summary>
    public ProcessingMode Mode { get; set; } = ProcessingMode.InProcess;

    /// <summary>With Mode=Lambda: the share of new jobs sent to Lambda, by a stable hash of the job id; the rest run in-process.</summary>
    [Range(0, 100)]
    public int LambdaPercent { get; set; } = 100;

    /// <summary>The Processor function's name or ARN.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9:_.-]{1,170}$")]
    public string FunctionName { get; set; } = "videoaspire-processor";

    /// <summary>Jobs the in-process worker runs at the same time (each is one ffmpeg).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Jobs waiting in memory; beyond that they wait in the table and the next sweep picks them up.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>
    /// Whether <paramref name="configuration"/> sets Mode=Lambda: read while services are registered, before options
    /// exist, to register the Lambda pieces only then. A value that is no mode fails here, as binding would at start.
    /// </summary>
    public static bool UsesLambda(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetValue<ProcessingMode>(nameof(Mode)) == ProcessingMode.Lambda;
}

internal enum ProcessingMode
{
    InProcess,
    Lambda,
}

[OptionsValidator]
internal sealed partial class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>;
