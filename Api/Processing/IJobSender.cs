using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Hands a stored QUEUED job (or a chunk of a split one) to what runs one processing method: the in-process worker, or the Processor on Lambda.</summary>
internal interface IJobSender
{
    ProcessingMethod Method { get; }

    /// <summary>Null when the job was handed over (or will be found by the sweep); otherwise the error to fail it with.</summary>
    Task<JobError?> SendAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Hands over one chunk of a split job; false when it cannot now (it stays QUEUED for the sweep).</summary>
    Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken);
}
