using System.Globalization;
using System.Net.Sockets;
using VideoAspire.Core.Processes;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The real Api as its own process (Api.dll of the same build configuration), in Development, pointed at the embedded
/// emulators, with the in-process worker: what a user of `dotnet run --project Api` gets, measured from outside, so the
/// worker's memory is the Api process's alone.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ApiProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<ApiProcess> StartAsync(string? apiDll, IReadOnlyDictionary<string, string?> settings, bool showLog)
    {
        var dll = Path.GetFullPath(apiDll ?? ApiDll());
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["Logging__LogLevel__Default"] = showLog ? "Information" : "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start(
            new ProcessSpec("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll), Environment = environment },
            showLog ? line => Console.WriteLine($"    api {DateTime.UtcNow:HH:mm:ss.fff}: {line}") : _ => { });
        var api = new ApiProcess(process, baseAddress);
        try
        {
            await api.WaitUntilHealthyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Api exited during start:\n{_process.StderrTail}");
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

        throw new TimeoutException($"The Api did not become healthy within 60 s:\n{_process.StderrTail}");
    }

    /// <summary>Api/bin/{Release|Debug}/net10.0/Api.dll next to this program's own build (the project reference builds it).</summary>
    private static string ApiDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "Api", "bin", configuration, "net10.0", "Api.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException($"Api.dll ({configuration}) not found above {AppContext.BaseDirectory}; build the Api first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Api pid {ProcessId} at {BaseAddress}");
}
