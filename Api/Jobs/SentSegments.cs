using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// Which segments one events stream has sent, so each read of the job sends only the new ones: by index within an
/// attempt; when another attempt runs (the job was retried and stores under a new prefix), its segments are new again.
/// </summary>
internal sealed class SentSegments
{
    private readonly HashSet<int> _indexes = [];
    private int _attempt;

    /// <summary>The job's visible segments this stream has not sent yet, in index order; marks them sent.</summary>
    public IReadOnlyList<JobSegment> New(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Attempt != _attempt)
        {
            _attempt = job.Attempt;
            _indexes.Clear();
        }

        var unsent = new List<JobSegment>();
        foreach (var segment in JobViews.VisibleSegments(job))
        {
            if (_indexes.Add(segment.Index))
            {
                unsent.Add(segment);
            }
        }

        return unsent;
    }
}
