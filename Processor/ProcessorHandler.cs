using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Video;
using VideoAspire.Processor.Runtime;

namespace VideoAspire.Processor;

/// <summary>
/// The function's handler, kept thin: map the event, compute the time limit from the deadline, call the
/// shared job executor, say what happened. Unexpected failures propagate (the loop reports them to Lambda,
/// so its retry and on-failure handling apply); the executor has already recorded FAILED by then.
/// </summary>
internal sealed class ProcessorHandler(
    JobExecutor executor, JobTelemetry telemetry, IOptions<LambdaOptions> lambda, IOptions<VideoOptions> video,
    TimeProvider timeProvider, ILogger<ProcessorHandler> logger)
{
    public async Task<object> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var processorEvent = ProcessorEvent.Parse(invocation.Body);
        ActivityContext.TryParse(processorEvent.Traceparent, null, out var parent);
        using var activity = telemetry.Source.StartActivity("processor.invoke", ActivityKind.Consumer, parent);
        activity?.SetTag("faas.invocation_id", invocation.RequestId).SetTag("aws.lambda.trace_id", invocation.TraceId)
            .SetTag("event.kind", processorEvent.Kind);

        if (processorEvent.Kind == ProcessorEvent.PingKind)
        {
            return new PingResponse(await FfmpegVersionAsync(cancellationToken), BuildVersion(), RuntimeInformation.FrameworkDescription,
                RuntimeInformation.RuntimeIdentifier);
        }

        var timeLimit = LambdaDeadline.TimeLimit(timeProvider.GetUtcNow(), invocation.DeadlineUnixMilliseconds, lambda.Value.DeadlineMargin);
        Log.InvocationStarted(logger, invocation.RequestId, processorEvent.JobId!, timeLimit.TotalSeconds);
        var outcome = await executor.ExecuteAsync(processorEvent.JobId!, ProcessingMethod.Lambda, cancellationToken, timeLimit);
        return new JobResponse(processorEvent.JobId!, outcome.ToString().ToLowerInvariant());
    }

    private async Task<string> FfmpegVersionAsync(CancellationToken cancellationToken)
    {
        string? first = null;
        await ProcessRunner.RunAsync(new ProcessSpec(video.Value.FfmpegPath, ["-hide_banner", "-version"]), line => first ??= line, cancellationToken);
        return first ?? "unknown";
    }

    private static string BuildVersion() =>
        typeof(ProcessorHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

internal sealed record PingResponse(string Ffmpeg, string Processor, string Runtime, string RuntimeIdentifier);

internal sealed record JobResponse(string JobId, string Outcome);
