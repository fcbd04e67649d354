using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Api.Jobs;

/// <summary>Maps stored jobs to what the Api returns.</summary>
internal static class JobViews
{
    /// <summary>The job's view. Callers have checked the job is the caller's: this makes download links for its segments.</summary>
    public static async Task<JobView> ToViewAsync(Job job, PresignedUrls urls, string bucket, TimeSpan lifetime)
    {
        var segments = new List<SegmentView>();
        foreach (var segment in VisibleSegments(job))
        {
            segments.Add(await ToViewAsync(segment, urls, bucket, lifetime));
        }

        return new JobView(job.Id, Status(job.Status), job.Stage, job.Progress, job.Method.ToWireName(), job.CreatedAt, job.StartedAt,
            job.CompletedAt, job.InputDurationSeconds, job.Error is { } e ? new JobErrorView(e.Code, e.Message) : null,
            ToView(job.Options), job.Encoding is { } encoding ? ToView(encoding) : null, segments, job.FirstSegmentAt,
            job.FirstSegmentAt is { } first ? Math.Round((first - job.CreatedAt).TotalSeconds, 3) : null);
    }

    /// <summary>
    /// The segments a client may download: a completed job's, or those a processing job's attempt has stored so far
    /// (by index); none for a queued or failed job (a failed job's objects are deleted).
    /// </summary>
    public static IReadOnlyList<JobSegment> VisibleSegments(Job job) => job.Status switch
    {
        JobStatus.Completed => job.Segments,
        JobStatus.Processing => job.StoredSegments,
        _ => [],
    };

    /// <summary>One segment with presigned links; the job must be the caller's.</summary>
    public static async Task<SegmentView> ToViewAsync(JobSegment segment, PresignedUrls urls, string bucket, TimeSpan lifetime) =>
        new(segment.Index, segment.StartSeconds, segment.DurationSeconds, segment.SizeBytes,
            await urls.ForGetAsync(bucket, segment.Key, lifetime),
            segment.ThumbnailKey is null ? null : await urls.ForGetAsync(bucket, segment.ThumbnailKey, lifetime));

    public static JobOptionsView ToView(JobOptions options)
    {
        var (cutting, overlay, style) = (options.Cutting, options.Overlay, options.Overlay.Style);
        return new JobOptionsView(
            new CuttingView(cutting.Mode, cutting.SegmentSeconds, cutting.MinSeconds, cutting.MaxSeconds, cutting.Seed,
                cutting.MinLastSegmentSeconds, cutting.MaxSegments),
            options.Output,
            new OverlayView(overlay.Mode, overlay.Text, overlay.Texts, new OverlayStyleView(style.FontSize, style.Color, style.Position, style.Background)),
            options.Thumbnails,
            options.Codecs);
    }

    public static JobEncodingView ToView(JobEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return new JobEncodingView(ToView(encoding.Video), encoding.Audio is { } audio ? ToView(audio) : null);
    }

    private static StreamEncodingView ToView(StreamEncoding stream) =>
        new(stream.Copy, stream.InputCodec, stream.OutputCodec, stream.Decision);

    public static JobSummary ToSummary(Job job) =>
        new(job.Id, Status(job.Status), job.Stage, job.Progress, job.Method.ToWireName(), job.CreatedAt, job.Segments.Count);

    public static string Status(JobStatus status) => status.ToString().ToLowerInvariant();
}
