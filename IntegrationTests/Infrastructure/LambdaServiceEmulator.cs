using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoAspire.Core.Processes;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for the Lambda service, for machines without one: it serves exactly the Invoke API
/// (POST /2015-03-31/functions/{name}/invocations, Event and RequestResponse) and the Runtime API
/// (next, response, error, init/error) of DESIGN section 5, under a path prefix as the Aspire emulator
/// does, and runs the real, built Processor executable as its only function instance.
/// It records what it received so tests can check signatures, errors and deliveries.
/// </summary>
public sealed class LambdaServiceEmulator : IAsyncDisposable
{
    public const string FunctionName = "videoaspire-processor";
    private const string Prefix = "/processor/2018-06-01";

    private readonly Channel<PendingInvocation> _events = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();
    private readonly OutputTail _processorOutput = new(200);
    private WebApplication _app = null!;
    private ChildProcess? _processor;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every Invoke request: its invocation type, Authorization and X-Amz-Date headers, and body.</summary>
    public ConcurrentQueue<RecordedInvoke> Invokes { get; } = new();

    /// <summary>How each delivered event ended: the Processor's response or error.</summary>
    public ConcurrentQueue<InvocationResult> Ended { get; } = new();

    public TaskCompletionSource<string> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times each async event is delivered (Lambda delivers at least once; 2 simulates a duplicate).</summary>
    public int DeliveriesPerEvent { get; set; } = 1;

    /// <summary>The time each invocation gets before its deadline.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

    public string ProcessorOutput => _processorOutput.ToString();

    public int? ProcessorExitCode => _processor?.ExitCode;

    /// <summary>Starts the emulator and the Processor with <paramref name="environment"/> (configuration as environment variables).</summary>
    public static async Task<LambdaServiceEmulator> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var emulator = new LambdaServiceEmulator();
        await emulator.StartServerAsync();
        emulator.StartProcessor(environment);
        return emulator;
    }

    /// <summary>Sends SIGTERM to the Processor, as Lambda does when it shuts an execution environment down.</summary>
    public Task TerminateProcessorAsync() => ProcessRunner.RunAsync(
        new ProcessSpec("kill", ["-TERM", _processor!.Id.ToString(CultureInfo.InvariantCulture)]), null, TestContext.Current.CancellationToken);

    /// <summary>Waits for the Processor process to exit by itself.</summary>
    public Task WaitForProcessorExitAsync(TimeSpan timeout) => _processor!.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout);

    /// <summary>Waits until <paramref name="count"/> invocations have ended.</summary>
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

    public async ValueTask DisposeAsync()
    {
        if (_processor is not null)
        {
            await _processor.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    private async Task StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/2015-03-31/functions/{name}/invocations", InvokeAsync);
        _app.MapGet($"{Prefix}/runtime/invocation/next", NextAsync);
        _app.MapPost($"{Prefix}/runtime/invocation/{{id}}/response", (string id, HttpRequest request) => EndAsync(id, request, error: false));
        _app.MapPost($"{Prefix}/runtime/invocation/{{id}}/error", (string id, HttpRequest request) => EndAsync(id, request, error: true));
        _app.MapPost($"{Prefix}/runtime/init/error", async (HttpRequest request) =>
        {
            InitError.TrySetResult(await ReadAsync(request));
            return Microsoft.AspNetCore.Http.Results.Accepted();
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address.TrimEnd('/') + "/");
    }

    private void StartProcessor(IReadOnlyDictionary<string, string?> environment)
    {
        // The built Processor by default; VIDEOASPIRE_PROCESSOR_EXECUTABLE runs the same tests against a published
        // bootstrap (e.g. the Native AOT one: tools/publish-processor.sh aot).
        var executable = Environment.GetEnvironmentVariable("VIDEOASPIRE_PROCESSOR_EXECUTABLE") is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : Path.Combine(RepositoryRoot(), "Processor", "bin", Configuration(), "net10.0", "Processor");
        Assert.True(File.Exists(executable), $"Build the Processor first: {executable} is missing.");
        var variables = new Dictionary<string, string?>(environment)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"{Endpoint.Authority}/processor",
            ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        _processor = ChildProcess.Start(
            new ProcessSpec(executable, []) { WorkingDirectory = Path.GetDirectoryName(executable), Environment = variables },
            _processorOutput.Add);
    }

    private async Task<IResult> InvokeAsync(string name, HttpRequest request)
    {
        var body = await ReadBytesAsync(request);
        var type = request.Headers["X-Amz-Invocation-Type"].FirstOrDefault() ?? "RequestResponse";
        Invokes.Enqueue(new RecordedInvoke(name, type, request.Headers.Authorization.ToString(), request.Headers["X-Amz-Date"].ToString(), body));
        if (name != FunctionName)
        {
            return Microsoft.AspNetCore.Http.Results.Json(new { Type = "User", Message = $"Function not found: {name}" }, statusCode: 404);
        }

        if (type == "Event")
        {
            for (var i = 0; i < DeliveriesPerEvent; i++)
            {
                await _events.Writer.WriteAsync(new PendingInvocation(Guid.NewGuid().ToString(), body, null));
            }

            return Microsoft.AspNetCore.Http.Results.StatusCode(202);
        }

        var done = new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _events.Writer.WriteAsync(new PendingInvocation(Guid.NewGuid().ToString(), body, done));
        var result = await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        if (result.Error)
        {
            request.HttpContext.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        return Microsoft.AspNetCore.Http.Results.Text(result.Body, "application/json", statusCode: 200);
    }

    private async Task NextAsync(HttpContext context)
    {
        var invocation = await _events.Reader.ReadAsync(context.RequestAborted);
        _inFlight[invocation.RequestId] = invocation;
        var deadline = DateTimeOffset.UtcNow.Add(Timeout).ToUnixTimeMilliseconds();
        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = $"arn:aws:lambda:us-east-1:000000000000:function:{FunctionName}";
        context.Response.Headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{Guid.NewGuid():N}";
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Body, context.RequestAborted);
    }

    private async Task<IResult> EndAsync(string id, HttpRequest request, bool error)
    {
        if (!_inFlight.TryRemove(id, out var invocation))
        {
            return Microsoft.AspNetCore.Http.Results.NotFound();
        }

        var result = new InvocationResult(id, error, request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), await ReadAsync(request));
        Ended.Enqueue(result);
        invocation.Done?.TrySetResult(result);
        return Microsoft.AspNetCore.Http.Results.Accepted();
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task<string> ReadAsync(HttpRequest request) => System.Text.Encoding.UTF8.GetString(await ReadBytesAsync(request));

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VideoAspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VideoAspire.sln not found above the test binaries.");
    }

    private sealed record PendingInvocation(string RequestId, byte[] Body, TaskCompletionSource<InvocationResult>? Done);
}

public sealed record RecordedInvoke(string FunctionName, string InvocationType, string Authorization, string AmzDate, byte[] Body);

public sealed record InvocationResult(string RequestId, bool Error, string ErrorType, string Body);
