using System.Globalization;
using System.Text.Json;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// Times the same job on every host, interleaved run by run (in-process, Lambda, in-process, ...) so that a change in
/// the machine's load falls on each way alike and their ratio means something. Prints, per host, the median wall time,
/// the median time to first segment the job reports, and the peak memory of the worker process (the Api, or the
/// Processor) alone and with its ffmpeg children over those runs.
/// </summary>
internal static class JobTimings
{
    /// <returns>The median job time per way of running it, in seconds.</returns>
    public static async Task<Dictionary<ProcessingMethod, double>> TimeAsync(
        IReadOnlyList<JobHost> hosts, string name, int runs, Func<JobHost, Task<object>> request)
    {
        var times = hosts.ToDictionary(h => h, _ => new List<double>());
        var firstSegment = hosts.ToDictionary(h => h, _ => new List<double>());
        var memory = hosts.ToDictionary(h => h, h => new ProcessTreeMemory(TimeSpan.FromMilliseconds(20), h.WorkerProcessId));
        for (var i = 0; i < runs; i++)
        {
            foreach (var host in hosts)
            {
                var (elapsed, job) = await host.RunJobAsync(await request(host));
                times[host].Add(elapsed.TotalSeconds);
                if (job.TryGetProperty("timeToFirstSegmentSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
                {
                    firstSegment[host].Add(seconds.GetDouble());
                }

                await host.Client.DeleteJobAsync(job.GetProperty("id").GetString()!); // not timed: keeps the emulator's disk small
            }
        }

        var medians = new Dictionary<ProcessingMethod, double>();
        foreach (var host in hosts)
        {
            await memory[host].DisposeAsync();
            medians[host.Method] = Print($"{name}, {host.Name}", times[host], firstSegment[host], host.WorkerName, memory[host]);
        }

        return medians;
    }

    private static double Print(string name, List<double> times, List<double> firstSegment, string worker, ProcessTreeMemory memory)
    {
        var median = Report.Median(name, times);
        if (firstSegment.Count > 0)
        {
            firstSegment.Sort();
            Console.WriteLine($"|   time to first segment (the job's timeToFirstSegmentSeconds) | median {firstSegment[firstSegment.Count / 2],7:0.00} s | " +
                $"runs: {string.Join(", ", firstSegment.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine($"|   peak memory: {worker} process VmHWM {memory.SelfPeakKb / 1000} MB, " +
            $"{worker} + ffmpeg children (sum of VmRSS) {memory.TreePeakKb / 1000} MB |");
        return median;
    }
}
