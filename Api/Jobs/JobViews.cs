using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Api.Jobs;

/// <summary>Maps stored jobs to what the Api returns.</summary>
internal static class JobViews
{
    public static async Task<JobView> ToViewAsync(Job job, PresignedUrls urls, string bucket, TimeSpan lifetime)
    {
        var segments = new List<SegmentView>();
        if (job.Status == JobStatus.Completed)
        {
            foreach (var segment in job.Segments)
            {
                segments.Add(new SegmentView(segment.Index, segment.StartSeconds, segment.DurationSeconds, segment.SizeBytes,
                    await urls.ForGetAsync(bucket, segment.Key, lifetime),
                    segment.ThumbnailKey is null ? null : await urls.ForGetAsync(bucket, segment.ThumbnailKey, lifetime)));
            }
        }

        return new JobView(job.Id, Status(job.Status), job.Stage, job.Progress, job.Method.ToWireName(), job.CreatedAt, job.StartedAt,
            job.CompletedAt, job.InputDurationSeconds, job.Error is { } e ? new JobErrorView(e.Code, e.Message) : null,
            ToView(job.Options), job.Encoding is { } encoding ? ToView(encoding) : null, segments, job.FirstSegmentAt,
            job.FirstSegmentAt is { } first ? Math.Round((first - job.CreatedAt).TotalSeconds, 3) : null);
    }

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
