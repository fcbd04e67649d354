using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>Hands a stored QUEUED job to whatever runs it.</summary>
internal interface IJobDispatcher
{
    /// <summary>The method the next job gets (stored on the job before dispatch).</summary>
    ProcessingMethod ChooseMethod(string jobId);

    Task DispatchAsync(Job job, CancellationToken cancellationToken);
}
