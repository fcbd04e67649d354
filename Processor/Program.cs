using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.Http;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Metrics;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Processor;
using VideoAspire.Processor.Runtime;

// The Processor: a Lambda function for the provided.al2023 runtime, running its own Runtime API loop
// (Amazon.Lambda.RuntimeSupport is not used). Init failures are reported to /runtime/init/error.
var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(runtimeApi))
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: the Processor runs inside Lambda (or a Lambda emulator) only.");
    return 2;
}

using var runtime = new RuntimeApiClient(runtimeApi);
IHost host;
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(json =>
    {
        json.UseUtcTimestamp = true;
        json.TimestampFormat = "O";
        json.IncludeScopes = true;
    });
    builder.AddServiceDefaults();
    // The Runtime API loop (long-polling next, posting answers) is plumbing, not work: keep it out of traces.
    builder.Services.Configure<HttpClientTraceInstrumentationOptions>(options =>
        options.FilterHttpRequestMessage = request => !RuntimeApiClient.IsRuntimeApi(request.RequestUri));
    builder.Services.AddOptions<LambdaOptions>().BindConfiguration(LambdaOptions.SectionName).ValidateOnStart();
    builder.Services.AddSingleton<IValidateOptions<LambdaOptions>, LambdaOptionsValidator>();
    builder.Services.AddJobExecution();
    builder.Services.AddSingleton<SelfInvoke>();
    builder.Services.AddSingleton<IChunkSender>(services => services.GetRequiredService<SelfInvoke>());
    builder.Services.AddCloudWatchJobMetrics(builder.Configuration);
    builder.Services.AddLambdaInvoker();
    builder.Services.AddSingleton(runtime);
    builder.Services.AddSingleton<IInvocationHandler, ProcessorHandler>();
    builder.Services.AddHostedService<LambdaRuntimeLoop>();
    host = builder.Build();
    WorkspaceJanitor.CleanStale(host.Services.GetRequiredService<IOptions<VideoOptions>>().Value.WorkDirectory,
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VideoAspire.Processor.Startup"));
    await host.StartAsync();
}
#pragma warning disable CA1031 // any init failure is reported to Lambda, then the process exits
catch (Exception e)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"Processor init failed: {e.Message}");
    await runtime.ReportInitErrorAsync(e, CancellationToken.None);
    return 1;
}

await host.WaitForShutdownAsync();
host.Dispose();
return Environment.ExitCode;
