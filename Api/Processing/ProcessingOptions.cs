using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Processing;

/// <summary>How jobs are dispatched and how the in-process worker runs them.</summary>
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

    /// <summary>A PROCESSING job without a heartbeat for this long is taken over (its worker died).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks for queued jobs that are not in its queue (e.g. after a full queue).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}

internal enum ProcessingMode
{
    InProcess,
    Lambda,
}

[OptionsValidator]
internal sealed partial class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>;
