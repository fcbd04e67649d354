using System.Globalization;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>Turns ffmpeg's "-progress" key=value lines into a percentage of the input duration.</summary>
public sealed class FfmpegProgress(TimeSpan duration, IProgress<double>? progress)
{
    private double _last = -1;

    /// <summary>Where the output's timestamps start: a chunk keeps the input's timeline, so it reports from its first read second.</summary>
    public TimeSpan Offset { get; init; }

    public void OnLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (progress is null || duration <= TimeSpan.Zero)
        {
            return;
        }

        if (line.StartsWith("out_time_us=", StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(12), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
        {
            Report(Math.Clamp(((microseconds / 1_000_000.0) - Offset.TotalSeconds) / duration.TotalSeconds * 100, 0, 100));
        }
        else if (line == "progress=end")
        {
            Report(100);
        }
    }

    private void Report(double percent)
    {
        percent = Math.Round(percent, 1);
        if (percent > _last)
        {
            _last = percent;
            progress!.Report(percent);
        }
    }
}
