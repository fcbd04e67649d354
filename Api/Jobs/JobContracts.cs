using System.ComponentModel.DataAnnotations;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// A job for an uploaded video. Defaults: 10 s fixed segments, stream copy, no text, thumbnails on.
/// Enums are strings: cutting.mode fixed|random, output copy|exact, overlay.mode none|allSegments|perSegment.
/// </summary>
public sealed record CreateJobRequest(
    [property: Required, RegularExpression("^[0-9a-f]{32}$", ErrorMessage = "Must be an uploadId returned by POST /api/uploads.")] string UploadId,
    CuttingOptions? Cutting = null,
    OutputMode Output = OutputMode.Copy,
    TextOverlay? Overlay = null,
    bool Thumbnails = true);

public sealed record JobView(
    string Id,
    string Status,
    string Stage,
    double Progress,
    string Method,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double? InputDurationSeconds,
    JobErrorView? Error,
    JobOptionsView Options,
    IReadOnlyList<SegmentView> Segments);

public sealed record JobErrorView(string Code, string Message);

public sealed record JobOptionsView(CuttingOptions Cutting, OutputMode Output, TextOverlay Overlay, bool Thumbnails);

/// <summary>A stored segment with presigned download links (valid for Jobs:DownloadUrlLifetime).</summary>
public sealed record SegmentView(int Index, double StartSeconds, double DurationSeconds, long SizeBytes, string Url, string? ThumbnailUrl);

public sealed record JobSummary(string Id, string Status, string Stage, double Progress, string Method, DateTimeOffset CreatedAt, int SegmentCount);

public sealed record JobPage(IReadOnlyList<JobSummary> Items, string? NextCursor);
