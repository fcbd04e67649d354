using System.ComponentModel.DataAnnotations;
using System.Globalization;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Video;

/// <summary>
/// What one input may declare and cost (section Video:Limits). A small file can declare hours of frames or
/// enormous pictures; it is refused from its probe, before any decoding, and every ffmpeg run has a
/// wall-clock budget derived from the input's duration and the output mode.
/// </summary>
public sealed class MediaLimits
{
    /// <summary>Longest input, in seconds (default 4 hours).</summary>
    [Range(1, 86_400)]
    public int MaxDurationSeconds { get; set; } = 4 * 3600;

    /// <summary>Widest and tallest picture, in pixels (default 8192: 8K and below).</summary>
    [Range(16, 16_384)]
    public int MaxDimension { get; set; } = 8192;

    /// <summary>Most pixels per frame (default 8K UHD: 7680 x 4320).</summary>
    [Range(256, 268_435_456)]
    public long MaxPixelsPerFrame { get; set; } = 7680L * 4320;

    /// <summary>Highest frame rate, in frames per second.</summary>
    [Range(1, 1000)]
    public double MaxFramesPerSecond { get; set; } = 240;

    /// <summary>Most streams in the container (video, audio, subtitles, data together).</summary>
    [Range(1, 1000)]
    public int MaxStreams { get; set; } = 16;

    /// <summary>Most bytes of segments one job may produce (default 20 GB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxOutputBytes { get; set; } = 20L * 1000 * 1000 * 1000;

    /// <summary>
    /// Memory a job may use, in MB (Video:Limits:MemoryMb). When set, a re-encode whose estimated peak
    /// (<see cref="EncodingMemory"/>) does not fit is refused from the probe instead of being killed by the host.
    /// Unset by default; in Lambda it defaults to the function's memory (AWS_LAMBDA_FUNCTION_MEMORY_SIZE).
    /// </summary>
    [Range(128, 1_048_576)]
    public int? MemoryMb { get; set; }

    /// <summary>ffmpeg's budget: this much wall-clock time per second of input when copying streams...</summary>
    [Range(0.01, 100)]
    public double CopySecondsPerInputSecond { get; set; } = 0.5;

    /// <summary>...and this much when re-encoding (exact mode, overlays, codecs MP4 cannot carry).</summary>
    [Range(0.01, 100)]
    public double EncodeSecondsPerInputSecond { get; set; } = 5;

    /// <summary>Added to every budget (start-up, short inputs, a slow network).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BudgetFloor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Budget of each short run: ffprobe on an input, one thumbnail from a segment.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ShortRunBudget { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws <see cref="MediaException"/> (<see cref="MediaErrorCode.LimitsExceeded"/>) naming the first limit the input exceeds.</summary>
    public void Check(MediaInfo media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var video = media.Video;
        var problem = media.Duration.TotalSeconds > MaxDurationSeconds
                ? $"it lasts {media.Duration.TotalSeconds:0} s; at most {MaxDurationSeconds} s are accepted"
            : Math.Max(video.Width, video.Height) > MaxDimension
                ? $"its picture is {video.Width}x{video.Height}; at most {MaxDimension} pixels a side are accepted"
            : (long)video.Width * video.Height > MaxPixelsPerFrame
                ? $"its picture is {video.Width}x{video.Height}; at most {MaxPixelsPerFrame} pixels a frame are accepted"
            : video.FramesPerSecond > MaxFramesPerSecond
                ? $"it declares {video.FramesPerSecond:0.##} frames per second; at most {MaxFramesPerSecond:0.##} are accepted"
            : media.StreamCount > MaxStreams
                ? $"it has {media.StreamCount} streams; at most {MaxStreams} are accepted"
            : null;
        if (problem is not null)
        {
            throw new MediaException(MediaErrorCode.LimitsExceeded, $"The video is over this service's limits: {problem}.");
        }
    }

    /// <summary>
    /// Throws <see cref="MediaException"/> (<see cref="MediaErrorCode.LimitsExceeded"/>) when the job re-encodes and its
    /// estimated peak memory exceeds <see cref="EncodingMemory.UsableShare"/> of <see cref="MemoryMb"/>.
    /// </summary>
    public void CheckMemory(MediaInfo media, EncodingPlan encoding)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(encoding);
        if (MemoryMb is not { } memory || encoding.CopyVideo)
        {
            return;
        }

        var needed = EncodingMemory.EstimateMb(media.Video.Width, media.Video.Height);
        if (needed > memory * EncodingMemory.UsableShare)
        {
            throw new MediaException(MediaErrorCode.LimitsExceeded, string.Create(CultureInfo.InvariantCulture,
                $"Re-encoding a {media.Video.Width}x{media.Video.Height} picture (exact mode or overlays) needs about {needed} MB; this processor has {memory} MB. Use copy mode without overlays, or a smaller picture."));
        }
    }

    /// <summary>How long one ffmpeg run over this input may take.</summary>
    public TimeSpan Budget(TimeSpan inputDuration, EncodingPlan encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var perSecond = encoding.CopyVideo ? CopySecondsPerInputSecond : EncodeSecondsPerInputSecond;
        return BudgetFloor + TimeSpan.FromSeconds(inputDuration.TotalSeconds * perSecond);
    }

    public static MediaException OverBudget(TimeSpan budget, string what = "Cutting") => new(MediaErrorCode.LimitsExceeded,
        $"{what} took longer than its budget of {budget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s for this input; it was stopped.");

    /// <summary>
    /// Runs a short ffprobe/ffmpeg step within <see cref="ShortRunBudget"/>: past it the process is killed and
    /// the step fails with <see cref="MediaErrorCode.LimitsExceeded"/>.
    /// </summary>
    public async Task RunWithinShortBudgetAsync(string what, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var budget = new CancellationTokenSource(ShortRunBudget);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            await run(linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw OverBudget(ShortRunBudget, what);
        }
    }

    public MediaException OverOutput(long produced) => new(MediaErrorCode.LimitsExceeded,
        $"The segments grew past {MaxOutputBytes} bytes ({produced} so far); the job was stopped.");
}
