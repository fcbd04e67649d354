using System.Net.ServerSentEvents;
using VideoAspire.Api.Jobs;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>
/// The events of one stream (<see cref="JobEventsApi.EventsAsync"/>) from a scripted sequence of reads of the job: each
/// stored segment once, before the progress or done of the read that first saw it. Waiting between reads is skipped.
/// </summary>
public sealed class JobEventsStreamTests
{
    [Fact]
    public async Task Events_SegmentsStoredWhileRunning_EachOnceBeforeItsReadsProgressAndDone()
    {
        var events = await EventsAsync(
            Running(1, 10, 0),
            Running(1, 50, 0, 1),
            Running(1, 50, 0, 1),
            Completed(1, 0, 1, 2));

        Assert.Equal(["segment 0", "progress 10", "segment 1", "progress 50", "segment 2", "done"], events);
    }

    [Fact]
    public async Task Events_FirstReadOfAReconnectedStream_SendsEverySegmentStoredSoFar()
    {
        var events = await EventsAsync(Running(1, 60, 0, 1, 2), Completed(1, 0, 1, 2));

        Assert.Equal(["segment 0", "segment 1", "segment 2", "progress 60", "done"], events);
    }

    [Fact]
    public async Task Events_AnotherAttemptStartsOver_ItsSegmentsAreSentAgain()
    {
        var events = await EventsAsync(Running(1, 40, 0, 1), Running(2, 5, 0), Completed(2, 0, 1));

        Assert.Equal(["segment 0", "segment 1", "progress 40", "segment 0", "progress 5", "segment 1", "done"], events);
    }

    [Fact]
    public async Task Events_FailedJob_SendsNoSegments()
    {
        var failed = Running(1, 40) with { Status = JobStatus.Failed, StoredSegments = [StoredSegmentListTests.Segment(0)] };

        var events = await EventsAsync(failed);

        Assert.Equal(["done"], events);
    }

    /// <summary>Each event as its type and what identifies it: the segment's index or the percent.</summary>
    private static async Task<List<string>> EventsAsync(params Job[] reads)
    {
        var next = 1;
        var views = new JobEventViews(
            job => Task.FromResult(new JobView(job.Id, JobViews.Status(job.Status), job.Stage, job.Progress, "in-process", job.CreatedAt,
                null, null, null, null, JobViews.ToView(job.Options), null, [])),
            segment => Task.FromResult(new SegmentView(segment.Index, segment.StartSeconds, segment.DurationSeconds, segment.SizeBytes, $"u{segment.Index}", null)));
        var events = new List<string>();
        await foreach (var item in JobEventsApi.EventsAsync(
            reads[0], () => Task.FromResult(next < reads.Length ? reads[next++] : null), views, new NoWaiting(), TestContext.Current.CancellationToken))
        {
            events.Add(Describe(item));
        }

        return events;
    }

    private static string Describe(SseItem<object> item) => item.Data switch
    {
        SegmentView segment => $"{item.EventType} {segment.Index}",
        JobProgressEvent progress => $"{item.EventType} {progress.Progress}",
        _ => item.EventType ?? "",
    };

    private static Job Running(int attempt, double progress, params int[] stored) => StoredSegmentListTests.NewJob() with
    {
        Status = JobStatus.Processing,
        Stage = JobStages.Cutting,
        Attempt = attempt,
        Progress = progress,
        StoredSegments = [.. stored.Select(StoredSegmentListTests.Segment)],
    };

    private static Job Completed(int attempt, params int[] segments) => StoredSegmentListTests.NewJob() with
    {
        Status = JobStatus.Completed,
        Stage = JobStages.Completed,
        Attempt = attempt,
        Progress = 100,
        Segments = [.. segments.Select(StoredSegmentListTests.Segment)],
    };

    /// <summary>Real time, except that every wait ends at once.</summary>
    private sealed class NoWaiting : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
