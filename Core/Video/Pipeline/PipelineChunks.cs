using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Which chunks a job is cut in, and which one a run cuts.</summary>
public static class PipelineChunks
{
    /// <summary>
    /// Re-encoding jobs are split by <paramref name="budget"/>; copy jobs are one pass whatever is asked: they are bound by
    /// reading the input, not by encoding, and a copied cut lands on the keyframe after the planned time, so a chunk
    /// seeking to a planned time could not produce the single pass's segments.
    /// </summary>
    public static IReadOnlyList<ChunkPlan> For(IReadOnlyList<SegmentPlan> plan, EncodingPlan encoding, TimeSpan? budget)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.CopyVideo || budget is null ? [ChunkPlanner.Whole(plan)] : ChunkPlanner.Split(plan, budget.Value);
    }

    /// <summary>The requested chunk (the whole plan when none is requested); a chunk the plan does not have is a caller's bug.</summary>
    public static ChunkPlan Pick(IReadOnlyList<ChunkPlan> chunks, ChunkRequest? request)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var index = request?.Index ?? 0;
        if (index < 0 || index >= chunks.Count || (request is null && chunks.Count > 1))
        {
            throw new InvalidOperationException($"Chunk {index} was asked for, but this job is cut in {chunks.Count} chunks.");
        }

        return chunks[index];
    }
}
