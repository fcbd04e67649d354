namespace VideoAspire.Infrastructure;

/// <summary>
/// The Processor function's size, for inputs up to about 1 GB (see README, Deploy, for the reasoning):
/// Lambda gives CPU in proportion to memory (1,769 MB = one vCPU), and ffmpeg's x264 uses every core,
/// so memory buys encoding speed; the job reads its input over HTTP and deletes each segment once stored,
/// so disk holds only a few segments at a time.
/// </summary>
public static class ProcessorSizing
{
    /// <summary>About 1.7 vCPUs: exact mode (x264) runs near the 2-core figures in BENCHMARKS.md.</summary>
    public const int MemoryMb = 3008;

    /// <summary>Lambda's maximum; the Processor stops jobs <see cref="DeadlineMarginSeconds"/> earlier and records "timeout".</summary>
    public const int TimeoutSeconds = 900;

    public const int DeadlineMarginSeconds = 20;

    /// <summary>/tmp for the job folder: a handful of segments and thumbnails, never the whole input.</summary>
    public const int EphemeralStorageMb = 2048;

    /// <summary>Async invocations: two retries (Lambda's default), events older than an hour go to the failure queue.</summary>
    public const int RetryAttempts = 2;

    public const int MaxEventAgeSeconds = 3600;

    /// <summary>How often the scheduled sweep looks for stranded jobs (the Processor's "sweep" event).</summary>
    public const int SweepEveryMinutes = 5;

    /// <summary>Failure-queue messages are hidden this long while one is read: six times the timeout, as AWS advises for SQS event sources.</summary>
    public const int FailureQueueVisibilitySeconds = 6 * TimeoutSeconds;
}
