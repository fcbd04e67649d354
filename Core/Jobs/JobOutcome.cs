namespace VideoAspire.Core.Jobs;

public enum JobOutcome
{
    Completed,
    Failed,

    /// <summary>Not claimed: the job was not QUEUED (a duplicate or late delivery, or it no longer exists).</summary>
    Skipped,

    /// <summary>Another attempt took the job over, or it was deleted, while this one ran; nothing was written.</summary>
    Lost,

    /// <summary>Stopped by shutdown; the job was given back to the queue.</summary>
    Released,

    /// <summary>Too long for one run: the job was split into chunks, each sent on its own; the last chunk to finish commits it.</summary>
    Split,

    /// <summary>One chunk of a split job was cut and stored; other chunks are still running.</summary>
    ChunkDone,

    /// <summary>A transient failure (storage, network) with attempts left: the job was given back to be tried again.</summary>
    Retry,
}
