using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>
/// Chooses each new job's processing method (the rollout policy, <see cref="RolloutPolicy"/>) and hands the stored job
/// to that method's sender. A job its sender cannot take is FAILED with the sender's error (<c>dispatch_failed</c>), so no new
/// job waits without a way to run (the sweep, which dispatches stranded jobs again, uses the senders directly and
/// leaves such a job QUEUED for its next round instead). Chunks of split jobs go the way their job went, or to the
/// in-process worker when this Api has no sender for that method (as the sweep takes such jobs over). Only configured methods have a sender: the Lambda sender
/// exists only with Processing:Mode=Lambda, the only mode in which the policy chooses Lambda.
/// </summary>
internal sealed class JobDispatcher(IEnumerable<IJobSender> senders, JobStore jobs, IOptions<ProcessingOptions> options) : IChunkSender
{
    private readonly Dictionary<ProcessingMethod, IJobSender> _senders = senders.ToDictionary(s => s.Method);

    public ProcessingMethod ChooseMethod(string jobId) => RolloutPolicy.Choose(jobId, options.Value.Mode, options.Value.LambdaPercent);

    /// <summary>The sender of <paramref name="method"/>, or null when this Api is not configured for it.</summary>
    public IJobSender? SenderFor(ProcessingMethod method) => _senders.GetValueOrDefault(method);

    public async Task DispatchAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var sender = SenderFor(job.Method)
            ?? throw new InvalidOperationException($"No sender for {job.Method}: the rollout policy chose a method this Api is not configured for.");
        if (await sender.SendAsync(job, cancellationToken) is { } error)
        {
            await jobs.FailAsync(job.Id, null, error, CancellationToken.None);
        }
    }

    public Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var sender = SenderFor(job.Method) ?? SenderFor(ProcessingMethod.InProcess)!;
        return sender.SendChunkAsync(job, chunk, cancellationToken);
    }
}
