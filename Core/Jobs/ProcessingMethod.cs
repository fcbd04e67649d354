namespace VideoAspire.Core.Jobs;

/// <summary>Where a job runs; chosen at dispatch and stored on the job.</summary>
public enum ProcessingMethod
{
    /// <summary>The worker inside the Api (the rollback path; the default for local runs).</summary>
    InProcess,

    /// <summary>The Processor Lambda function.</summary>
    Lambda,
}
