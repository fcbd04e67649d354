using System.Globalization;

namespace VideoAspire.Benchmarks;

/// <summary>
/// Samples the resident memory of this process and all its descendants (ffprobe, ffmpeg) from /proc while a job
/// runs, as Lambda charges the whole sandbox: the peak of the summed VmRSS is what the function's memory must hold.
/// Each process's own high-water mark (VmHWM) is kept too, read until it exits, so a short spike between two
/// samples still shows in <see cref="LargestChildPeakKb"/>. Linux only.
/// </summary>
internal sealed class ProcessTreeMemory : IAsyncDisposable
{
    private readonly int _root;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, long> _childPeaks = [];
    private readonly Task _sampling;

    /// <param name="interval">How often the tree is sampled.</param>
    /// <param name="root">The process whose tree is sampled; this process when null.</param>
    public ProcessTreeMemory(TimeSpan interval, int? root = null)
    {
        _root = root ?? Environment.ProcessId;
        _sampling = SampleAsync(interval, _stop.Token);
    }

    /// <summary>Highest sum of VmRSS over the tree seen in one sample, in kB.</summary>
    public long TreePeakKb { get; private set; }

    /// <summary>The root process's own high-water mark at the end, in kB.</summary>
    public long SelfPeakKb { get; private set; }

    /// <summary>The largest VmHWM any child process reached, in kB.</summary>
    public long LargestChildPeakKb => _childPeaks.Count == 0 ? 0 : _childPeaks.Values.Max();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        SelfPeakKb = StatusKb(_root, "VmHWM") ?? 0;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            long sum = 0;
            foreach (var pid in Tree(_root))
            {
                sum += StatusKb(pid, "VmRSS") ?? 0;
                if (pid != _root && StatusKb(pid, "VmHWM") is { } peak)
                {
                    _childPeaks[pid] = Math.Max(peak, _childPeaks.GetValueOrDefault(pid));
                }
            }

            TreePeakKb = Math.Max(TreePeakKb, sum);
        }
        while (await Tick(timer, cancellationToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The process and its descendants, from every thread's children list in /proc.</summary>
    private static List<int> Tree(int root)
    {
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            var tasks = $"/proc/{found[i]}/task";
            if (!Directory.Exists(tasks))
            {
                continue;
            }

            foreach (var task in SafeList(tasks))
            {
                var children = SafeRead(Path.Combine(task, "children"));
                found.AddRange(children.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Where(c => !found.Contains(c)));
            }
        }

        return found;
    }

    /// <summary>A "Name:   1234 kB" line of /proc/PID/status, or null when the process is gone.</summary>
    private static long? StatusKb(int pid, string name)
    {
        var line = SafeRead($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[(name.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    // Processes come and go between listing and reading: a vanished one simply counts nothing.
    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string[] SafeList(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
