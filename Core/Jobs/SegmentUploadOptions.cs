using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Jobs;

/// <summary>How a running job stores its segments (section "Processing", shared by the Api and the Processor).</summary>
public sealed class SegmentUploadOptions
{
    public const string SectionName = "Processing";

    public const int MaxUploadConcurrency = 32;

    /// <summary>
    /// Segments (each with its thumbnail) uploaded at the same time while ffmpeg keeps cutting. One upload at a time
    /// leaves the job waiting on each PUT's round trip; more overlap them. Each one in flight holds an open file and a
    /// connection, never the file in memory.
    /// </summary>
    public int UploadConcurrency { get; set; } = 4;
}

/// <summary>Written by hand, as <see cref="JobRecoveryOptionsValidator"/>: the Processor's Native AOT build keeps no reflection.</summary>
internal sealed class SegmentUploadOptionsValidator : IValidateOptions<SegmentUploadOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentUploadOptions options) =>
        options.UploadConcurrency is < 1 or > SegmentUploadOptions.MaxUploadConcurrency
            ? ValidateOptionsResult.Fail(
                $"{SegmentUploadOptions.SectionName}:{nameof(options.UploadConcurrency)} must be between 1 and {SegmentUploadOptions.MaxUploadConcurrency}.")
            : ValidateOptionsResult.Success;
}
