namespace VideoAspire.Core.Jobs;

/// <summary>QUEUED -> PROCESSING -> COMPLETED | FAILED; every transition is a conditional write.</summary>
public enum JobStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
}
