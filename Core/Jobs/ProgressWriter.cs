using Microsoft.Extensions.Logging;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Takes progress reports as fast as ffmpeg produces them and writes the latest one (with a heartbeat) of what the run
/// holds (<see cref="WorkClaim"/>: the job's attempt or a chunk's) at most once per interval. When a write is refused,
/// the run no longer holds it:
/// <see cref="Lost"/> is cancelled so the work stops. A write that fails for any other reason (throttling,
/// a network blip) never fails the job: it is logged and the next tick tries again. But an attempt that could not
/// write a heartbeat for <c>silenceLimit</c> (half of StaleAfter) stops as lost too: others may soon take the job
/// over, and two attempts must not work on it at once.
/// Segments handed over with <see cref="Stored"/> travel with the next write (one write a tick, however many were stored):
/// a write that failed keeps them for the next tick; a refused one drops them, as the attempt is over.
/// </summary>
internal sealed class ProgressWriter : IProgress<double>, IAsyncDisposable
{
    private readonly JobStore _jobs;
    private readonly WorkClaim _claim;
    private readonly ILogger _logger;
    private readonly TimeSpan _silenceLimit;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _pendingLock = new();
    private List<JobSegment> _pending = [];
    private double _latest;
    private double _written = -1;
    private int _disposed;

    public ProgressWriter(JobStore jobs, WorkClaim claim, TimeSpan interval, TimeSpan silenceLimit, TimeProvider timeProvider, ILogger logger)
    {
        _silenceLimit = silenceLimit;
        _jobs = jobs;
        _claim = claim;
        _logger = logger;
        Lost = _lost.Token;
        _loop = LoopAsync(interval, timeProvider);
    }

    /// <summary>Cancelled when the job was deleted or taken over by another attempt.</summary>
    public CancellationToken Lost { get; private set; }

    public bool IsLost { get; private set; }

    public void Report(double value) => Interlocked.Exchange(ref _latest, value);

    /// <summary>A segment whose objects are stored: the job shows it from the next write on.</summary>
    public void Stored(JobSegment segment)
    {
        lock (_pendingLock)
        {
            _pending.Add(segment);
        }
    }

    /// <summary>Stops writing (idempotent).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }

    private List<JobSegment> TakePending()
    {
        lock (_pendingLock)
        {
            var taken = _pending;
            _pending = [];
            return taken;
        }
    }

    /// <summary>Segments of a write that failed go first in the next one (readers sort by index anyway).</summary>
    private void PutBack(List<JobSegment> segments)
    {
        lock (_pendingLock)
        {
            segments.AddRange(_pending);
            _pending = segments;
        }
    }

    private async Task LoopAsync(TimeSpan interval, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        var lastWritten = timeProvider.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var latest = Volatile.Read(ref _latest);
                if (latest <= _written)
                {
                    latest = _written; // nothing new: still send the heartbeat
                }

                bool owned;
                var stored = TakePending();
                try
                {
                    owned = await _claim.ReportProgressAsync(_jobs, Math.Max(latest, 0), stored, _stop.Token);
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    Log.HeartbeatFailed(_logger, e, _claim.Job.Id); // not the job's fault: try again at the next tick
                    PutBack(stored);
                    owned = timeProvider.GetElapsedTime(lastWritten) < _silenceLimit;
                    if (owned)
                    {
                        continue;
                    }
                }

                if (!owned)
                {
                    IsLost = true;
                    await _lost.CancelAsync();
                    return;
                }

                _written = latest;
                lastWritten = timeProvider.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
