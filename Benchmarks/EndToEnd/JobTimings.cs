using System.Globalization;
using System.Text.Json;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// Times the same job on every host, interleaved run by run (in-process, Lambda, in-process, ...) so that a change in
/// the machine's load falls on each way alike and their ratio means something. Prints, per host, the median wall time,
/// the median time to start (created to picked up by a worker: the dispatch) and to first segment the job reports, and
/// the peak memory of the worker process (the Api, or the
/// Processor) alone and with its ffmpeg children over those runs.
/// </summary>
internal static class JobTimings
{
    /// <returns>The median job time per way of running it, in seconds.</returns>
    public static async Task<Dictionary<ProcessingMethod, double>> TimeAsync(
        IReadOnlyList<JobHost> hosts, string name, int runs, Func<JobHost, Task<object>> request)
    {
        var times = hosts.ToDictionary(h => h, _ => new List<double>());
        var toStart = hosts.ToDictionary(h => h, _ => new List<double>());
        var firstSegment = hosts.ToDictionary(h => h, _ => new List<double>());
        var memory = hosts.ToDictionary(h => h, h => new ProcessTreeMemory(TimeSpan.FromMilliseconds(20), h.WorkerProcessId));
        for (var i = 0; i < runs; i++)
        {
            foreach (var host in hosts)
            {
                var (elapsed, job) = await host.RunJobAsync(await request(host));
                times[host].Add(elapsed.TotalSeconds);
                if (TimeToStart(job) is { } started)
                {
                    toStart[host].Add(started);
                }

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
            medians[host.Method] = Report.Median($"{name}, {host.Name}", times[host]);
            PrintDetail("time to start (the job's startedAt - createdAt)", toStart[host]);
            PrintDetail("time to first segment (the job's timeToFirstSegmentSeconds)", firstSegment[host]);
            Console.WriteLine($"|   peak memory: {host.WorkerName} process VmHWM {memory[host].SelfPeakKb / 1000} MB, " +
                $"{host.WorkerName} + ffmpeg children (sum of VmRSS) {memory[host].TreePeakKb / 1000} MB |");
        }

        return medians;
    }

    /// <summary>A figure the job reports about itself, under its job time: the median and every run.</summary>
    private static void PrintDetail(string name, List<double> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        values.Sort();
        Console.WriteLine($"|   {name} | median {values[values.Count / 2],7:0.00} s | " +
            $"runs: {string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))} |");
    }

    /// <summary>From the Api's createdAt to the worker's startedAt (both server clocks of this machine): the dispatch.</summary>
    private static double? TimeToStart(JsonElement job) =>
        job.TryGetProperty("startedAt", out var started) && started.ValueKind == JsonValueKind.String
            ? (started.GetDateTimeOffset() - job.GetProperty("createdAt").GetDateTimeOffset()).TotalSeconds
            : null;
}
