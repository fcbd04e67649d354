namespace VideoAspire.Core.Jobs;

/// <summary>
/// Sends one chunk of a split job to what runs it: the in-process worker's queue in the Api, an asynchronous invoke of
/// the Processor function on Lambda. Used when a job is split and by the sweep, for chunks nobody runs.
/// </summary>
public interface IChunkSender
{
    /// <summary>False when the chunk could not be handed over now; it stays QUEUED and the sweep sends it again.</summary>
    Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken);
}
