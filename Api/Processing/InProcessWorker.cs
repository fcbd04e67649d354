using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Api.Processing;

/// <summary>
/// Runs in-process jobs, and chunks of split jobs, with N consumers (Processing:Concurrency), and sweeps on a timer for jobs nobody runs, of both methods
/// (<see cref="ProcessingSweep"/>). At start it removes the job folders (and kills the ffmpeg children) a killed
/// predecessor left behind. At shutdown the running jobs are given back to the queue (the executor releases them),
/// never left PROCESSING.
/// </summary>
internal sealed class InProcessWorker(
    InProcessQueue queue, ProcessingSweep sweep, JobExecutor executor, IOptions<ProcessingOptions> options,
    IOptions<JobRecoveryOptions> recovery, IOptions<VideoOptions> video, TimeProvider timeProvider, ILogger<InProcessWorker> logger)
    : BackgroundService
{
    private readonly HashSet<string> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WorkspaceJanitor.CleanStale(video.Value.WorkDirectory, logger); // what a killed predecessor left running or on disk
        var consumers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => ConsumeAsync(stoppingToken)).ToList();
        var sweeping = SweepLoopAsync(stoppingToken);
        await Task.WhenAll([.. consumers, sweeping]);
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(recovery.Value.SweepInterval, timeProvider);
        do
        {
            try
            {
                if (await sweep.SweepAsync(IsRunning, stoppingToken) is { } result && result.Redispatched + result.Failed > 0)
                {
                    Log.JobsRecovered(logger, result.Redispatched, result.Failed);
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
            JobWork work;
            try
            {
                work = await queue.DequeueAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_running)
            {
                _running.Add(work.Key);
            }

            try
            {
                await executor.ExecuteAsync(work, ProcessingMethod.InProcess, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.JobCrashed(logger, e, work.Key); // the executor records every outcome; this is a bug, the sweep recovers the job
            }
            finally
            {
                lock (_running)
                {
                    _running.Remove(work.Key);
                }
            }
        }
    }

    private bool IsRunning(string key)
    {
        lock (_running)
        {
            return _running.Contains(key);
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
