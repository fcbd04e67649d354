using System.Globalization;
using System.Net.Sockets;
using VideoAspire.Core.Processes;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// One of this build's web services (an ASP.NET Core dll: the Api, the Lambda emulator) run with `dotnet` as its own
/// process on a free loopback port, handed out once it answers GET /health. Disposing stops its whole process tree.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _name;
    private readonly ChildProcess _process;

    private ServiceProcess(string name, ChildProcess process, Uri baseAddress)
    {
        _name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="name">What the service is, for messages and log lines.</param>
    /// <param name="dll">The service's built dll.</param>
    /// <param name="environment">Environment variables besides ASPNETCORE_URLS, which this sets.</param>
    /// <param name="showLog">Whether its stdout is printed.</param>
    public static async Task<ServiceProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string?> environment, bool showLog)
    {
        var fullPath = Path.GetFullPath(dll);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var variables = new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = baseAddress.ToString() };
        var process = ChildProcess.Start(
            new ProcessSpec("dotnet", [fullPath]) { WorkingDirectory = Path.GetDirectoryName(fullPath), Environment = variables },
            ChildSettings.Output(name, showLog));
        var service = new ServiceProcess(name, process, baseAddress);
        try
        {
            await service.WaitUntilHealthyAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The {_name} exited during start:\n{_process.StderrTail}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Same.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The {_name} did not become healthy within {StartTimeout.TotalSeconds} s:\n{_process.StderrTail}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_name} pid {ProcessId} at {BaseAddress}");
}
