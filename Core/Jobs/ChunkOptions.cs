using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Jobs;

/// <summary>When a job is cut by several runs at once (section "Processing", shared by the Api and the Processor).</summary>
public sealed class ChunkOptions
{
    public const string SectionName = "Processing";

    public const double MinChunkSeconds = 5;

    /// <summary>
    /// Input seconds per chunk of a re-encoding job (exact cuts, text overlays): a longer job is split into chunks of whole
    /// segments, each run by its own Processor invocation (or in-process unit), in parallel. Chosen so a chunk fits well
    /// inside one invocation: 300 s of 1080p re-encodes in about 150 s on 2 cores. 0 never splits. Copy jobs are never
    /// split: they are bound by reading the input, not by encoding.
    /// </summary>
    public double ChunkSeconds { get; set; } = 300;

    /// <summary>The budget to split by, or null when splitting is off.</summary>
    public TimeSpan? Budget => ChunkSeconds > 0 ? TimeSpan.FromSeconds(ChunkSeconds) : null;
}

/// <summary>Written by hand, as <see cref="JobRecoveryOptionsValidator"/>: the Processor's Native AOT build keeps no reflection.</summary>
internal sealed class ChunkOptionsValidator : IValidateOptions<ChunkOptions>
{
    public ValidateOptionsResult Validate(string? name, ChunkOptions options) =>
        options.ChunkSeconds is 0 or (>= ChunkOptions.MinChunkSeconds and <= 86_400)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ChunkOptions.SectionName}:{nameof(options.ChunkSeconds)} must be 0 (never split) or between {ChunkOptions.MinChunkSeconds} and 86400.");
}
