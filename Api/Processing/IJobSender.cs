using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Hands a stored QUEUED job to what runs one processing method: the in-process worker, or the Processor on Lambda.</summary>
internal interface IJobSender
{
    ProcessingMethod Method { get; }

    /// <summary>Null when the job was handed over (or will be found by the sweep); otherwise the error to fail it with.</summary>
    Task<JobError?> SendAsync(Job job, CancellationToken cancellationToken);
}
