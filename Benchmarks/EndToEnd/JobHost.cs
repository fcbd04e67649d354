using System.Text.Json;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Processes;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The processes that run jobs one way, started, with a signed-in client: the Api with its in-process worker, or the
/// Api in Lambda mode with the Lambda emulator and one Processor instance behind it (as the AppHost runs them). Each
/// way has its own jobs table, so neither Api's sweep ever touches the other's jobs; both share the bucket.
/// </summary>
/// <param name="method">How its jobs run.</param>
/// <param name="client">A client of its Api, signed in once started.</param>
/// <param name="workerProcessId">The process that runs ffmpeg for a job (the Api, or the Processor): its tree is the worker's memory.</param>
/// <param name="workerName">What that process is: "Api" or "Processor".</param>
/// <param name="processes">What to stop when done, in that order.</param>
internal sealed class JobHost(ProcessingMethod method, JobClient client, int workerProcessId, string workerName, params IAsyncDisposable[] processes)
    : IAsyncDisposable
{
    private const string FunctionName = "videoaspire-processor";

    private readonly Dictionary<string, (string UploadId, string Key)> _uploads = [];

    public ProcessingMethod Method => method;

    public string Name => Method.ToWireName();

    public JobClient Client => client;

    public int WorkerProcessId => workerProcessId;

    public string WorkerName => workerName;

    /// <param name="method">How its jobs run.</param>
    /// <param name="settings">The Api build (--api-dll replaces the Api only: the emulator and Processor are this build's), and whether logs are shown.</param>
    /// <param name="configuration">What both the Api and the Processor read: AWS endpoints, Storage, Processing, Video.</param>
    public static async Task<JobHost> StartAsync(
        ProcessingMethod method, EndToEndSettings settings, IReadOnlyDictionary<string, string?> configuration)
    {
        var own = new Dictionary<string, string?>(configuration)
        {
            ["Storage:JobsTableName"] = method == ProcessingMethod.Lambda ? "bench-e2e-lambda-jobs" : "bench-e2e-jobs",
        };
        return method == ProcessingMethod.Lambda
            ? await StartLambdaAsync(settings, own)
            : await StartInProcessAsync(settings, own);
    }

    /// <summary>Uploads <paramref name="file"/> through this host's Api once; later calls return the same upload.</summary>
    public async Task<(string UploadId, string Key)> UploadAsync(string file)
    {
        if (!_uploads.TryGetValue(file, out var upload))
        {
            _uploads[file] = upload = await Client.UploadAsync(file);
        }

        return upload;
    }

    /// <summary>Runs one job as <see cref="JobClient.RunJobAsync"/> does, and fails if it ran some other way than this host's.</summary>
    public async Task<(TimeSpan Elapsed, JsonElement Job)> RunJobAsync(object request)
    {
        var (elapsed, job) = await Client.RunJobAsync(request);
        var ranAs = job.GetProperty("method").GetString();
        if (ranAs != Name)
        {
            throw new InvalidOperationException($"Job {job.GetProperty("id")} ran as '{ranAs}', not '{Name}': the host is misconfigured.");
        }

        return (elapsed, job);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var process in processes) // the Api first: nothing dispatches to a stopped emulator
        {
            await process.DisposeAsync();
        }
    }

    private static async Task<JobHost> StartInProcessAsync(EndToEndSettings settings, Dictionary<string, string?> configuration)
    {
        configuration["Processing:Mode"] = "InProcess";
        var api = await ApiProcess.StartAsync(settings.ApiDll, configuration, settings.ApiLog);
        return await SignInAsync(new JobHost(ProcessingMethod.InProcess, new JobClient(api.BaseAddress), api.ProcessId, "Api", api));
    }

    /// <summary>
    /// The emulator first, then the Api (which creates the bucket and the table the Processor expects), then the Processor.
    /// Invocations wait in the emulator until an instance asks for one, so nothing is lost while the Processor starts.
    /// </summary>
    private static async Task<JobHost> StartLambdaAsync(EndToEndSettings settings, Dictionary<string, string?> configuration)
    {
        var emulator = await LambdaEmulatorProcess.StartAsync(FunctionName, settings.ApiLog);
        ServiceProcess? api = null;
        try
        {
            api = await ApiProcess.StartAsync(settings.ApiDll, new Dictionary<string, string?>(configuration)
            {
                ["Processing:Mode"] = "Lambda",
                ["Processing:LambdaPercent"] = "100",
                ["Processing:FunctionName"] = FunctionName,
                ["AWS_ENDPOINT_URL_LAMBDA"] = emulator.BaseAddress.ToString(),
            }, settings.ApiLog);
            ChildProcess processor = ProcessorProcess.Start(emulator.BaseAddress, FunctionName, configuration, settings.ApiLog);
            return await SignInAsync(new JobHost(
                ProcessingMethod.Lambda, new JobClient(api.BaseAddress), processor.Id, "Processor", api, processor, emulator));
        }
        catch
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }

            await emulator.DisposeAsync();
            throw;
        }
    }

    private static async Task<JobHost> SignInAsync(JobHost host)
    {
        try
        {
            await host.Client.SignInAsync("bench");
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
