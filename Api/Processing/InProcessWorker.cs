using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>
/// Runs in-process jobs: at start (and then every sweep) it re-enqueues QUEUED jobs and takes over stale
/// PROCESSING ones, so a restart loses nothing; N consumers run the executor. At shutdown the running jobs
/// are given back to the queue (the executor releases them), never left PROCESSING.
/// </summary>
internal sealed class InProcessWorker(
    InProcessQueue queue, JobStore jobs, JobExecutor executor, IOptions<ProcessingOptions> options,
    TimeProvider timeProvider, ILogger<InProcessWorker> logger) : BackgroundService
{
    private readonly HashSet<string> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => ConsumeAsync(stoppingToken)).ToList();
        var sweeper = SweepLoopAsync(stoppingToken);
        await Task.WhenAll([.. consumers, sweeper]);
    }

    /// <summary>Puts every unfinished in-process job that is neither waiting nor running back in the queue.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        var staleBefore = timeProvider.GetUtcNow() - options.Value.StaleAfter;
        foreach (var job in await jobs.ListUnfinishedAsync(ProcessingMethod.InProcess, cancellationToken))
        {
            if (IsRunning(job.Id) || queue.IsWaiting(job.Id))
            {
                continue;
            }

            if (job.Status == JobStatus.Processing && !await jobs.RequeueIfStaleAsync(job.Id, staleBefore, cancellationToken))
            {
                continue; // someone is still working on it
            }

            if (!queue.TryEnqueue(job.Id))
            {
                break; // full: the next sweep continues
            }

            recovered++;
        }

        return recovered;
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        do
        {
            try
            {
                if (await SweepAsync(stoppingToken) is > 0 and var recovered)
                {
                    Log.JobsRecovered(logger, recovered);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SweepFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string jobId;
            try
            {
                jobId = await queue.DequeueAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_running)
            {
                _running.Add(jobId);
            }

            try
            {
                await executor.ExecuteAsync(jobId, ProcessingMethod.InProcess, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.JobCrashed(logger, e, jobId); // already recorded FAILED by the executor
            }
            finally
            {
                lock (_running)
                {
                    _running.Remove(jobId);
                }
            }
        }
    }

    private bool IsRunning(string jobId)
    {
        lock (_running)
        {
            return _running.Contains(jobId);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
