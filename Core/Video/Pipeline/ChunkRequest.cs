namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Asks the pipeline for one chunk of a job: the plan is split by <paramref name="Budget"/> of input time
/// (<see cref="Planning.ChunkPlanner"/>) and only chunk <paramref name="Index"/> is cut. Copy jobs are never split.
/// </summary>
public sealed record ChunkRequest(int Index, TimeSpan Budget);
