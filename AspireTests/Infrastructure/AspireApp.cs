using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using VideoAspire.LocalAws;

namespace VideoAspire.AspireTests.Infrastructure;

/// <summary>
/// The real AppHost (Projects.AppHost) started by Aspire.Hosting.Testing: on LocalStack where a container
/// runtime answers, else on the embedded backend with its data in a temp folder; every project exports its
/// traces to an <see cref="OtlpReceiver"/>.
/// Tests drive it from outside: HTTP to the Api, presigned URLs to S3, an S3 client for checks.
/// </summary>
public sealed class AspireApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory;
    private DistributedApplication? _app;

    private AspireApp(DistributedApplication app, OtlpReceiver telemetry, string dataDirectory, bool localStack)
    {
        _app = app;
        Telemetry = telemetry;
        _dataDirectory = dataDirectory;
        LocalStack = localStack;
    }

    /// <summary>True when the backend is LocalStack (a container runtime answered), false for the embedded emulators.</summary>
    public bool LocalStack { get; }

    public DistributedApplication App => _app ?? throw new ObjectDisposedException(nameof(AspireApp));

    public OtlpReceiver Telemetry { get; }

    /// <summary>
    /// Starts the AppHost with <paramref name="settings"/> (AppHost configuration, e.g. Processing:Mode) and waits
    /// until it serves. With <paramref name="dashboard"/> the Aspire dashboard runs too and receives the telemetry
    /// (then <see cref="Telemetry"/> stays empty).
    /// </summary>
    public static async Task<AspireApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null, bool dashboard = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("videoaspire-apphost-").FullName;
        var localStack = await ContainerRuntime.IsAvailableAsync(ct);
        string[] args = [$"--Aws:Backend={(localStack ? "LocalStack" : "Embedded")}", $"--Aws:DataDirectory={dataDirectory}",
            .. (settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}")];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard }, args, ct);
        var telemetry = await OtlpReceiver.StartAsync();
        foreach (var project in dashboard ? [] : builder.Resources.OfType<ProjectResource>())
        {
            // Added after Aspire's own OTLP settings, so these win: every project exports to the receiver.
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", telemetry.Endpoint.ToString().TrimEnd('/'))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }

        var app = await builder.BuildAsync(ct);
        var started = new AspireApp(app, telemetry, dataDirectory, localStack);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>An HttpClient for the Api carrying a Development token for <paramref name="userId"/>, as a client would get one.</summary>
    public async Task<HttpClient> ClientForAsync(string userId, params string[] roles)
    {
        var client = App.CreateHttpClient("api", "http");
        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new DevToken(userId, roles), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An S3 client on the backend's S3, for checks the Api does not expose (what is left under a prefix).</summary>
    public IAmazonS3 CreateS3Client() => LocalStack
        ? new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = App.GetEndpoint("localstack", "http").ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1",
        })
        : new AmazonS3Client(new BasicAWSCredentials(EmbeddedAws.AccessKeyId, EmbeddedAws.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = App.GetEndpoint("s3", "http").ToString(), ForcePathStyle = true, AuthenticationRegion = EmbeddedAws.Region,
        });

    /// <summary>
    /// The OS processes of every running resource instance (replicas included) and all their descendants,
    /// pid -> command line.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> ProcessTreeAsync(int expectedInstances)
    {
        var ct = TestContext.Current.CancellationToken;
        var pids = new Dictionary<string, int>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var resourceEvent in App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var pid = resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
            if (pid is int id && resourceEvent.Snapshot.State?.Text == KnownResourceStates.Running)
            {
                pids[resourceEvent.ResourceId] = id;
            }

            if (pids.Count >= expectedInstances)
            {
                break;
            }
        }

        return Descendants(pids.Values).ToDictionary(pid => pid, CommandLine);
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private sealed record DevToken(string UserId, string[] Roles);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }

        await Telemetry.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: the OS cleans it eventually.
        }
    }

    private static HashSet<int> Descendants(IEnumerable<int> roots)
    {
        var parents = new Dictionary<int, int>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                parents[int.Parse(Path.GetFileName(Path.GetDirectoryName(stat))!, CultureInfo.InvariantCulture)] =
                    int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process folder, or the process just ended.
            }
        }

        var tree = new HashSet<int>(roots);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }

        return tree;
    }
}
