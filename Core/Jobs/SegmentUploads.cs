using System.Runtime.ExceptionServices;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Runs the pipeline for one attempt (of the job, or of one of its chunks) and stores each segment under its
/// <c>prefix</c> (with its thumbnail) while ffmpeg keeps cutting, up to
/// <c>concurrency</c> uploads at a time, so the job waits for the slower of cutting and uploading rather than for their sum.
/// <list type="bullet">
/// <item>Bounded: the pipeline's handler opens the segment's files and returns (the pipeline then deletes the paths; the
/// open handles keep the bytes until the upload closes them), and waits first while <c>concurrency</c> uploads are in
/// flight. Disk and memory hold at most that many segments besides the one ffmpeg writes; files are streamed, never loaded.</item>
/// <item>Ordered: the segments come back in index order whatever order their uploads finished in.</item>
/// <item>All or nothing: the first failed upload cancels the others and the pipeline, and is what this throws. Whatever
/// ends the run (a failure, shutdown, the deadline, a lost claim), no upload is still running when this returns or
/// throws, so the caller's clean-up of the attempt's prefix sees every object that was stored.</item>
/// <item>Timed: when the first segment is stored, the job records it (<see cref="Job.FirstSegmentAt"/>).</item>
/// <item>Told: <c>onStored</c> gets each segment once its objects are stored (the job shows it while it runs).</item>
/// </list>
/// </summary>
internal sealed class SegmentUploads(
    ObjectStore objects, JobStore jobs, Job job, string prefix, int concurrency, TimeProvider timeProvider, Action<JobSegment> onStored)
{
    private readonly List<Task<JobSegment>> _uploads = [];
    private Exception? _failure;
    private int _firstStored;

    public async Task<(PipelineResult Result, IReadOnlyList<JobSegment> Segments)> RunAsync(
        VideoPipeline pipeline, SegmentJobSpec spec, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(concurrency);
        try
        {
            var result = await pipeline.RunAsync(spec, (segment, ct) => StartAsync(segment, slots, stop, ct), progress, stop.Token);
            return (result, await Task.WhenAll(_uploads)); // in the order handed over, which is index order
        }
        catch (Exception e) when (Volatile.Read(ref _failure) is { } failure && !ReferenceEquals(e, failure))
        {
            // The pipeline or another upload stopped because this upload failed: the failure is the job's outcome.
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        finally
        {
            await stop.CancelAsync(); // a no-op when every upload finished
            await Task.WhenAll(_uploads).ContinueWith(
                _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>The pipeline's handler: waits for a free slot, opens the files, starts the upload and returns.</summary>
    private async ValueTask StartAsync(ProducedSegment segment, SemaphoreSlim slots, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        FileStream? video = null;
        FileStream? thumbnail = null;
        try
        {
            video = Open(segment.Path);
            thumbnail = segment.ThumbnailPath is null ? null : Open(segment.ThumbnailPath);
        }
        catch
        {
            video?.Dispose();
            slots.Release();
            throw;
        }

        _uploads.Add(Task.Run(() => UploadAsync(segment, video, thumbnail, slots, stop), CancellationToken.None));
    }

    private async Task<JobSegment> UploadAsync(
        ProducedSegment segment, FileStream video, FileStream? thumbnail, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        try
        {
            await using (video)
            await using (thumbnail)
            {
                var key = StorageLayout.SegmentKey(prefix, segment.Index);
                await objects.PutStreamAsync(key, video, "video/mp4", stop.Token);
                string? thumbnailKey = null;
                if (thumbnail is not null)
                {
                    thumbnailKey = StorageLayout.ThumbnailKey(prefix, segment.Index);
                    await objects.PutStreamAsync(thumbnailKey, thumbnail, "image/jpeg", stop.Token);
                }

                var stored = new JobSegment(segment.Index, Math.Round(segment.Start.TotalSeconds, 3), Math.Round(segment.Duration.TotalSeconds, 3),
                    segment.SizeBytes, key, thumbnailKey);
                onStored(stored);
                if (Interlocked.Exchange(ref _firstStored, 1) == 0)
                {
                    // Time to first segment: the job's first download is possible from now on. Refused (lost claim) is
                    // not this upload's business: the heartbeat notices and stops the attempt.
                    await jobs.RecordFirstSegmentAsync(job.Id, job.Attempt, timeProvider.GetUtcNow(), stop.Token);
                }

                return stored;
            }
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // The first failure: remembered, and everything else is stopped.
            Interlocked.CompareExchange(ref _failure, e, null);
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Read access that lets the pipeline delete the path while the upload still reads the open file.</summary>
    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 81920, useAsync: true);
}
