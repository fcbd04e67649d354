using System.Diagnostics;

namespace VideoAspire.Benchmarks;

/// <summary>Times variants (median of N runs) and prints ratios against baselines of the same run.</summary>
internal sealed class Report
{
    private readonly List<string> _summary = [];

    public static async Task<double> TimeAsync(string name, int runs, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await run();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return Median(name, times);
    }

    /// <summary>Prints the median and every run of times measured elsewhere, in seconds; returns the median.</summary>
    public static double Median(string name, List<double> times)
    {
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"| {name,-52} | median {median,7:0.00} s | runs: {string.Join(", ", times.Select(t => t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} |");
        return median;
    }

    public void Ratio(string name, double value, double baseline, string target, bool ok)
    {
        var line = $"| {name,-52} | ratio  {value / baseline,7:0.00}   | target {target}: {(ok ? "met" : "MISSED")} |";
        Console.WriteLine(line);
        _summary.Add(line);
    }

    /// <summary>A ratio worth reading that has no target.</summary>
    public void Note(string name, double value, double baseline)
    {
        var line = $"| {name,-52} | ratio  {value / baseline,7:0.00}   | (no target) |";
        Console.WriteLine(line);
        _summary.Add(line);
    }

    public void PrintSummary()
    {
        Console.WriteLine("## Ratios");
        _summary.ForEach(Console.WriteLine);
    }
}
