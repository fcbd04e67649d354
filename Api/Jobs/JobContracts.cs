using System.ComponentModel.DataAnnotations;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// A job for an uploaded video. Defaults (<see cref="JobRequestDefaults"/>): 10 s fixed segments, stream copy, no text, thumbnails on.
/// Enums are strings: cutting.mode fixed|random, output copy|exact, overlay.mode none|allSegments|perSegment.
/// codecs: h264 (the default: copy mode re-encodes any other video codec to H.264, what plays everywhere) or keep
/// (copy mode keeps HEVC, AV1, VP9 and the audio codecs MP4 carries); any other value is a validation error.
/// </summary>
public sealed record CreateJobRequest(
    [property: Required, UploadId] string UploadId,
    CuttingOptions? Cutting = null,
    OutputMode Output = OutputMode.Copy,
    TextOverlay? Overlay = null,
    bool Thumbnails = true,
    string? Codecs = null);

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
    JobEncodingView? Encoding,
    IReadOnlyList<SegmentView> Segments,
    DateTimeOffset? FirstSegmentAt = null,
    double? TimeToFirstSegmentSeconds = null);

public sealed record JobErrorView(string Code, string Message);

/// <summary>
/// The options a job runs with, in the request's shape. Api-owned views, not Core's option records: those also
/// carry what only the pipeline needs (a colour in ffmpeg's syntax, derived flags), which is no part of the contract.
/// </summary>
public sealed record JobOptionsView(CuttingView Cutting, OutputMode Output, OverlayView Overlay, bool Thumbnails, SegmentCodecs Codecs);

/// <summary>What a completed job did with each stream of its input (null until it completes); audio is null when the input has none.</summary>
public sealed record JobEncodingView(StreamEncodingView Video, StreamEncodingView? Audio);

/// <summary>
/// One stream: copied or re-encoded, from which codec (ffprobe's name: h264, hevc, aac...) to which, and the decision
/// in words: "copied", or "re-encoded: " and why ("exact cuts", "text overlay", "hevc is not h264 and codecs=h264").
/// </summary>
public sealed record StreamEncodingView(bool Copied, string InputCodec, string OutputCodec, string Decision);

public sealed record CuttingView(
    CuttingMode Mode, double SegmentSeconds, double MinSeconds, double MaxSeconds, int Seed, double MinLastSegmentSeconds, int MaxSegments);

public sealed record OverlayView(OverlayMode Mode, string? Text, IReadOnlyList<string>? Texts, OverlayStyleView Style);

public sealed record OverlayStyleView(int FontSize, string Color, OverlayPosition Position, OverlayBackground Background);

/// <summary>A stored segment with presigned download links (valid for Jobs:DownloadUrlLifetime).</summary>
public sealed record SegmentView(int Index, double StartSeconds, double DurationSeconds, long SizeBytes, string Url, string? ThumbnailUrl);

public sealed record JobSummary(string Id, string Status, string Stage, double Progress, string Method, DateTimeOffset CreatedAt, int SegmentCount);

public sealed record JobPage(IReadOnlyList<JobSummary> Items, string? NextCursor);
