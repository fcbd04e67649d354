using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VideoAspire.Benchmarks;

/// <summary>
/// Cold start of a published Processor: from process start to its first GET /runtime/invocation/next,
/// served by a minimal Runtime API stand-in on loopback. Each run is a fresh process.
/// </summary>
internal static class ColdStart
{
    public static async Task RunAsync(string bootstrap, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await MeasureOnceAsync(bootstrap));
        }

        times.Sort();
        Console.WriteLine($"| {bootstrap,-60} | median {times[times.Count / 2] * 1000,6:0} ms | runs: {string.Join(", ", times.Select(t => $"{t * 1000:0}"))} ms |");
    }

    private static async Task<double> MeasureOnceAsync(string bootstrap)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var start = new ProcessStartInfo(bootstrap)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(bootstrap))!,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{port}";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "cold";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "start";

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var first = listener.GetContextAsync();
        var winner = await Task.WhenAny(first, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        if (winner != first)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{bootstrap} never asked for an invocation: {await stderr}");
        }

        var context = await first;
        if (!context.Request.Url!.AbsolutePath.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected first request: {context.Request.Url}");
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return elapsed;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
