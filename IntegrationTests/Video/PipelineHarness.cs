using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>
/// Runs the real pipeline with its work folder under a per-test temp folder, and keeps a copy of every
/// announced segment and thumbnail (the pipeline deletes its own once announced) for the assertions.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pipeline-test-").FullName;

    public PipelineHarness()
    {
        Options = new VideoOptions
        {
            WorkDirectory = Path.Combine(_root, "work"),
            X264Preset = AwsBackendFixture.TestServiceSettings["Video:X264Preset"]!,
        };
        Pipeline = new VideoPipeline(new MediaProber(Microsoft.Extensions.Options.Options.Create(Options)),
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<VideoPipeline>.Instance);
        Directory.CreateDirectory(KeptDirectory);
        Directory.CreateDirectory(WorkDirectory);
    }

    public VideoOptions Options { get; }

    public VideoPipeline Pipeline { get; }

    public string WorkDirectory => Options.WorkDirectory!;

    public string KeptDirectory => Path.Combine(_root, "kept");

    public List<KeptSegment> Segments { get; } = [];

    public List<double> Progress { get; } = [];

    public async Task<PipelineResult> RunAsync(
        string input, CuttingOptions cutting, OutputMode mode = OutputMode.Copy, TextOverlay? overlay = null,
        bool thumbnails = false, CancellationToken? cancellationToken = null,
        Func<ProducedSegment, ValueTask>? onSegment = null, ChunkRequest? chunk = null, SegmentCodecs codecs = SegmentCodecs.H264)
    {
        var spec = new SegmentJobSpec(input, cutting, mode, overlay ?? TextOverlay.None, thumbnails) { Chunk = chunk, Codecs = codecs };
        var progress = new SynchronousProgress(p => { lock (Progress) { Progress.Add(p); } });
        return await Pipeline.RunAsync(spec, async (segment, _) =>
        {
            // Numbered by arrival: runs of several chunks name their files from 0 each.
            var kept = Path.Combine(KeptDirectory, $"{Segments.Count:D4}-{Path.GetFileName(segment.Path)}");
            File.Copy(segment.Path, kept);
            string? thumbnail = null;
            if (segment.ThumbnailPath is not null)
            {
                thumbnail = Path.Combine(KeptDirectory, $"{Segments.Count:D4}-{Path.GetFileName(segment.ThumbnailPath)}");
                File.Copy(segment.ThumbnailPath, thumbnail);
            }

            Segments.Add(new KeptSegment(segment, kept, thumbnail));
            if (onSegment is not null)
            {
                await onSegment(segment);
            }
        }, progress, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    internal sealed record KeptSegment(ProducedSegment Segment, string File, string? Thumbnail);

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
