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

    /// <summary>A transient failure (storage, network) with attempts left: the job was given back to be tried again.</summary>
    Retry,
}
