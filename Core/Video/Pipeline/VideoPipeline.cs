using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Probe, plan, cut in one ffmpeg pass, and announce each segment (with its thumbnail) as soon as ffmpeg
/// finishes it, so the caller uploads while ffmpeg keeps working. All temporary files live in one job
/// folder that is removed in every outcome; cancellation kills ffmpeg.
/// </summary>
public sealed class VideoPipeline(MediaProber prober, IOptions<VideoOptions> options, ILogger<VideoPipeline> logger)
{
    private static readonly TimeSpan ListPollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Lazy<FontCoverage> _font = new(() => FontCoverage.Load(options.Value.FontFile));

    /// <summary>Checks that the font can draw every character of the overlay; throws <see cref="MediaException"/> if not.</summary>
    public void EnsureRenderable(TextOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        var texts = overlay.Mode == OverlayMode.PerSegment ? overlay.Texts ?? [] : [overlay.Text ?? ""];
        var missing = texts.SelectMany(t => _font.Value.Missing(t ?? "")).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new MediaException(MediaErrorCode.UnsupportedText,
                $"The overlay font ({Path.GetFileName(_font.Value.FontFile)}) has no glyph for {string.Join(", ", missing.Take(5))}; remove these characters.");
        }
    }

    public async Task<PipelineResult> RunAsync(
        SegmentJobSpec spec,
        Func<ProducedSegment, CancellationToken, ValueTask> onSegment,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onSegment);
        if (spec.Overlay.HasText)
        {
            EnsureRenderable(spec.Overlay);
        }

        var media = await prober.ProbeAsync(spec.Input, cancellationToken);
        options.Value.Limits.Check(media);
        var plan = SegmentPlanner.Plan(media.Duration, spec.Cutting);
        var encoding = EncodingPlan.Decide(media, spec.Mode, spec.Overlay.HasText, spec.Codecs);
        options.Value.Limits.CheckMemory(media, encoding);
        var chunks = PipelineChunks.For(plan, encoding, spec.Chunk?.Budget ?? spec.SplitBudget);
        if (spec.Chunk is null && chunks.Count > 1)
        {
            Log.PipelineSplit(logger, spec.JobId, media.Duration.TotalSeconds, plan.Count, chunks.Count);
            return new PipelineResult(media, plan, encoding, []) { ChunkCount = chunks.Count, Split = chunks };
        }

        var chunk = PipelineChunks.Pick(chunks, spec.Chunk);
        Log.PipelineStarting(logger, spec.JobId, media.Duration.TotalSeconds, plan.Count, encoding.Video.InputCodec, encoding.Video.Decision,
            encoding.Audio?.InputCodec ?? "none", encoding.Audio?.Decision ?? "none");
        if (chunks.Count > 1)
        {
            Log.PipelineChunk(logger, spec.JobId, chunk.Index, chunks.Count, chunk.Start.TotalSeconds, chunk.End.TotalSeconds);
        }

        using var workspace = JobWorkspace.Create(options.Value.WorkDirectory, spec.JobId);
        if (!encoding.CopyVideo)
        {
            await WriteFilterScriptAsync(workspace, chunk.Segments, spec.Overlay, cancellationToken);
        }

        var range = new InputRange(chunk, media.Video.FramesPerSecond);
        var produced = await CutAsync(spec, range, encoding, workspace, onSegment, progress, cancellationToken);
        EnsureComplete(chunk.Duration, produced);
        Log.PipelineFinished(logger, spec.JobId, produced.Count);
        return new PipelineResult(media, plan, encoding, produced) { Chunk = chunk, ChunkCount = chunks.Count };
    }

    /// <summary>Cuts <paramref name="range"/>'s chunk (the whole plan in a single pass), reading only its part of the input.</summary>
    private async Task<List<ProducedSegment>> CutAsync(
        SegmentJobSpec spec, InputRange range, EncodingPlan encoding, JobWorkspace workspace,
        Func<ProducedSegment, CancellationToken, ValueTask> onSegment, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        var budget = limits.Budget(range.ReadLength, encoding);
        using var overBudget = new CancellationTokenSource(budget);
        using var ffmpegCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overBudget.Token);
        var progressParser = new FfmpegProgress(range.ReadLength, progress) { Offset = range.ReadFrom };
        var planned = range.Chunk.Segments;
        var arguments = FfmpegCommands.Segment(spec.Input, range.ReadLength, planned, encoding, options.Value, workspace.Directory, range);
        var ffmpeg = ProcessRunner.RunAsync(new ProcessSpec(options.Value.FfmpegPath, arguments), progressParser.OnLine, ffmpegCancellation.Token);
        var list = new SegmentListReader(workspace.PathOf(FfmpegCommands.SegmentList));
        var produced = new List<ProducedSegment>();
        long producedBytes = 0;
        try
        {
            while (true)
            {
                var finished = ffmpeg.IsCompleted;
                if (finished && !ffmpeg.IsCompletedSuccessfully)
                {
                    break; // failed or cancelled: announce nothing more
                }

                foreach (var entry in list.ReadNew())
                {
                    if (!range.Keeps(entry))
                    {
                        File.Delete(workspace.PathOf(entry.FileName)); // a chunk's lead-in or tail: another chunk's segment
                        continue;
                    }

                    // Re-encoded segments start exactly where planned (keyframes are forced there; the list's times
                    // carry the encoder's B-frame delay). Copied ones (always the whole plan) start where ffmpeg found the keyframe.
                    var start = !encoding.CopyVideo && produced.Count < planned.Count ? planned[produced.Count].Start : entry.Start;
                    var index = planned[0].Index + produced.Count;
                    produced.Add(await AnnounceAsync(entry, index, start, spec.Thumbnails, workspace, onSegment, cancellationToken));
                    producedBytes += produced[^1].SizeBytes;
                    if (producedBytes > limits.MaxOutputBytes)
                    {
                        throw limits.OverOutput(producedBytes);
                    }
                }

                if (finished)
                {
                    break;
                }

                await Task.WhenAny(ffmpeg, Task.Delay(ListPollInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }

            await ffmpeg;
        }
        catch (OperationCanceledException) when (overBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw MediaLimits.OverBudget(budget);
        }
        catch (ProcessFailedException e)
        {
            throw InputAllowlist.Refusal(e)
                ?? LocalDiskException.FromFfmpeg(e)
                ?? (Exception)new MediaException(MediaErrorCode.ProcessingFailed, $"ffmpeg could not process the input: {e.LastStderrLine}", e);
        }
        finally
        {
            // Whatever happened above (a failed upload, cancellation), ffmpeg must not outlive this call.
            await ffmpegCancellation.CancelAsync();
            await ffmpeg.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return produced;
    }

    private async Task<ProducedSegment> AnnounceAsync(
        SegmentListEntry entry, int index, TimeSpan start, bool thumbnails, JobWorkspace workspace,
        Func<ProducedSegment, CancellationToken, ValueTask> onSegment, CancellationToken cancellationToken)
    {
        var path = workspace.PathOf(entry.FileName);
        var duration = Mp4Duration.ReadVideo(path);
        string? thumbnail = null;
        if (thumbnails)
        {
            thumbnail = workspace.PathOf($"thumbnail-{index:D4}.jpg");
            await options.Value.Limits.RunWithinShortBudgetAsync("A thumbnail", token => ProcessRunner.RunAsync(
                new ProcessSpec(options.Value.FfmpegPath,
                    FfmpegCommands.Thumbnail(path, duration / 2, options.Value.ThumbnailWidth, thumbnail)),
                null, token), cancellationToken);
        }

        var segment = new ProducedSegment(index, start, duration, new FileInfo(path).Length, path, thumbnail);
        await onSegment(segment, cancellationToken);

        // Handed over: keep the disk as flat as the memory.
        File.Delete(path);
        if (thumbnail is not null)
        {
            File.Delete(thumbnail);
        }

        return segment with { Path = "", ThumbnailPath = null };
    }

    /// <summary>At least 90% of <paramref name="expected"/> (the input's declared duration, or a chunk's) must have been cut.</summary>
    private static void EnsureComplete(TimeSpan expected, List<ProducedSegment> produced)
    {
        var total = TimeSpan.FromTicks(produced.Sum(s => s.Duration.Ticks));
        if (produced.Count == 0 || total < (expected * 0.9) - TimeSpan.FromSeconds(1))
        {
            throw new MediaException(MediaErrorCode.TruncatedInput,
                $"The input is truncated or damaged: it declares {expected.TotalSeconds:0.#} s but only {total.TotalSeconds:0.#} s could be read.");
        }
    }

    private async Task WriteFilterScriptAsync(
        JobWorkspace workspace, IReadOnlyList<SegmentPlan> plan, TextOverlay overlay, CancellationToken cancellationToken)
    {
        string TextFile(int index) => workspace.PathOf($"text-{index:D4}.txt");

        // One text for all segments is text 0 (FfmpegCommands.VideoFilters reads it there), whichever segments this run cuts.
        var indexes = overlay.Mode == OverlayMode.PerSegment ? plan.Select(s => s.Index) : [0];
        foreach (var index in indexes)
        {
            if (overlay.TextFor(index) is { } text)
            {
                // UTF-8 without BOM: drawtext would draw a BOM as a glyph.
                await File.WriteAllTextAsync(TextFile(index), text, new UTF8Encoding(false), cancellationToken);
            }
        }

        var filters = FfmpegCommands.VideoFilters(plan, overlay, options.Value.FontFile, TextFile);
        await File.WriteAllTextAsync(workspace.PathOf(FfmpegCommands.VideoFilterScript), filters, cancellationToken);
    }
}
