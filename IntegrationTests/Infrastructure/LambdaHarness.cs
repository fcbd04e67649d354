using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Processes;
using VideoAspire.LambdaEmulator;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The project's Lambda service emulator (the LambdaEmulator program, hosted in-process on a free port)
/// with the real, built Processor executable as its one function instance, as the AppHost runs them.
/// Tests read what the emulator received and how each invocation ended from its <see cref="InvocationLog"/>.
/// </summary>
public sealed class LambdaHarness : IAsyncDisposable
{
    public const string FunctionName = "videoaspire-processor";

    private readonly OutputTail _processorOutput = new(200);
    private WebApplication _app = null!;
    private ChildProcess? _processor;
    private readonly List<ChildProcess> _others = [];
    private IReadOnlyDictionary<string, string?> _environment = new Dictionary<string, string?>();

    public Uri Endpoint { get; private set; } = null!;

    public InvocationLog Log => _app.Services.GetRequiredService<InvocationLog>();

    /// <summary>The emulator's live options: tests change deliveries per event or the function timeout mid-run.</summary>
    public LambdaEmulatorOptions Options => _app.Services.GetRequiredService<IOptions<LambdaEmulatorOptions>>().Value;

    public IReadOnlyCollection<InvokeRecord> Invokes => Log.Invokes;

    public IReadOnlyCollection<InvocationResult> Ended => Log.Results;

    public string ProcessorOutput => _processorOutput.ToString();

    public int? ProcessorExitCode => _processor?.ExitCode;

    public int ProcessorId => _processor!.Id;

    /// <summary>Starts the emulator alone (tests that play the function instance themselves).</summary>
    public static async Task<LambdaHarness> StartEmulatorAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var harness = new LambdaHarness();
        await harness.StartServerAsync(settings ?? new Dictionary<string, string?>());
        return harness;
    }

    /// <summary>Starts the emulator and the Processor with <paramref name="environment"/> (configuration as environment variables).</summary>
    public static async Task<LambdaHarness> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var harness = await StartEmulatorAsync();
        harness.StartProcessor(environment);
        return harness;
    }

    /// <summary>Sends SIGTERM to the Processor, as Lambda does when it shuts an execution environment down.</summary>
    public Task TerminateProcessorAsync() => ProcessRunner.RunAsync(
        new ProcessSpec("kill", ["-TERM", _processor!.Id.ToString(CultureInfo.InvariantCulture)]), null, TestContext.Current.CancellationToken);

    /// <summary>Kills the Processor with SIGKILL, as Lambda does on out-of-memory or a hard timeout: none of its code runs.</summary>
    public async Task KillProcessorAsync()
    {
        await ProcessRunner.RunAsync(
            new ProcessSpec("kill", ["-KILL", _processor!.Id.ToString(CultureInfo.InvariantCulture)]), null, TestContext.Current.CancellationToken);
        await WaitForProcessorExitAsync(TimeSpan.FromSeconds(10));
        await _processor.DisposeAsync();
        _processor = null;
    }

    /// <summary>Starts a fresh Processor instance with the same environment (a new execution environment).</summary>
    public void StartNewProcessor() => StartProcessor(_environment);

    /// <summary>Starts one more instance beside the current one (Lambda running invocations side by side); the current stays the one the other methods act on.</summary>
    public void StartAnotherProcessor()
    {
        var current = _processor;
        StartProcessor(_environment);
        _others.Add(_processor!);
        _processor = current;
    }

    /// <summary>Waits for the Processor process to exit by itself.</summary>
    public Task WaitForProcessorExitAsync(TimeSpan timeout) => _processor!.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout);

    /// <summary>Waits until <paramref name="count"/> deliveries have ended.</summary>
    public async Task<IReadOnlyList<InvocationResult>> WaitForResultsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Ended.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Ended.Count} of {count} invocations ended. Processor output:\n{ProcessorOutput}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return [.. Ended];
    }

    /// <summary>Waits for the first body posted to /runtime/init/error.</summary>
    public async Task<string> WaitForInitErrorAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Log.InitErrors.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No init error. Processor output:\n{ProcessorOutput}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return Log.InitErrors.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_processor is not null)
        {
            await _processor.DisposeAsync();
        }

        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    private async Task StartServerAsync(IReadOnlyDictionary<string, string?> settings)
    {
        _app = LambdaEmulatorApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"LambdaEmulator:Functions:{FunctionName}:Timeout"] = "00:15:00",
                ["LambdaEmulator:RetryDelay"] = "00:00:00.200",
            });
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address.TrimEnd('/') + "/");
    }

    private void StartProcessor(IReadOnlyDictionary<string, string?> environment)
    {
        _environment = environment;
        // The built Processor by default; VIDEOASPIRE_PROCESSOR_EXECUTABLE runs the same tests against a published
        // bootstrap (e.g. the Native AOT one: tools/publish-processor.sh aot).
        var executable = Environment.GetEnvironmentVariable("VIDEOASPIRE_PROCESSOR_EXECUTABLE") is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : Path.Combine(RepositoryPaths.Root, "Processor", "bin", RepositoryPaths.Configuration, "net10.0", "Processor");
        Assert.True(File.Exists(executable), $"Build the Processor first: {executable} is missing.");
        var variables = new Dictionary<string, string?>(environment)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"{Endpoint.Authority}/{FunctionName}",
            ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
            ["AWS_ENDPOINT_URL_LAMBDA"] = Endpoint.ToString(), // the sweep invokes the function again
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        _processor = ChildProcess.Start(
            new ProcessSpec(executable, []) { WorkingDirectory = Path.GetDirectoryName(executable), Environment = variables },
            _processorOutput.Add);
    }
}
