using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>
/// The Api's sweep over both methods' unfinished jobs (the rules of each sweep are <see cref="JobSweeper"/>'s):
/// in-process jobs this process does not hold go back into its queue at once (a restart loses nothing); Lambda jobs
/// untouched for <see cref="JobRecoveryOptions.LambdaRedispatchAfter"/> are invoked again when this Api has Lambda
/// configured, and otherwise taken over by the in-process worker: with Processing:Mode=InProcess, the rollback switch,
/// every job runs here, including those sent to Lambda before the switch that Lambda did not finish.
/// </summary>
internal sealed class ProcessingSweep(
    JobSweeper sweeper, InProcessQueue queue, InProcessSender inProcess, JobDispatcher dispatcher, IOptions<JobRecoveryOptions> recovery)
{
    /// <param name="isRunningHere">Work the worker is running now (by <see cref="JobWork.Key"/>): left alone, with what waits in its queue.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<SweepResult> SweepAsync(Func<string, bool> isRunningHere, CancellationToken cancellationToken)
    {
        var local = await sweeper.SweepAsync(ProcessingMethod.InProcess, TimeSpan.Zero,
            (job, _) => Task.FromResult(queue.TryEnqueue(JobWork.ForJob(job.Id))), key => isRunningHere(key) || queue.IsWaiting(key), cancellationToken);
        var lambda = await sweeper.SweepAsync(ProcessingMethod.Lambda, recovery.Value.LambdaRedispatchAfter,
            LambdaRedispatch(), null, cancellationToken);
        return new SweepResult(local.Redispatched + lambda.Redispatched, local.Failed + lambda.Failed);
    }

    private JobSweeper.Redispatch LambdaRedispatch() => dispatcher.SenderFor(ProcessingMethod.Lambda) is { } lambda
        ? async (job, ct) => await lambda.SendAsync(job, ct) is null // unreachable: stop, the next sweep tries again
        : inProcess.TakeOverAsync;
}
