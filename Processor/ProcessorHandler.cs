using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video;
using VideoAspire.Processor.Runtime;

namespace VideoAspire.Processor;

/// <summary>
/// The function's handler, kept thin: the adapter between the runtime loop's bytes and the job code. Four kinds of
/// event: a job (run by the shared executor; a job given back for another try ends the invocation as a
/// <see cref="RetryErrorType"/> error, so Lambda's retry delivers it again), a ping (versions), a sweep (scheduled:
/// stranded Lambda jobs are invoked again, jobs out of attempts failed), and an SQS batch from the failure queue (jobs
/// Lambda gave up on are failed with the reason, their objects removed). An event it cannot read is an
/// <see cref="InvalidEventErrorType"/> error that says why.
/// </summary>
internal sealed class ProcessorHandler(
    JobExecutor executor, JobSweeper sweeper, SelfInvoke selfInvoke, JobTelemetry telemetry,
    IOptions<LambdaOptions> lambda, IOptions<JobRecoveryOptions> recovery, IOptions<VideoOptions> video,
    TimeProvider timeProvider, ILogger<ProcessorHandler> logger) : IInvocationHandler
{
    /// <summary>The job was given back to the queue; Lambda should deliver the event again.</summary>
    public const string RetryErrorType = "Job.Retry";

    /// <summary>The event cannot be processed as sent; a retry would not change that.</summary>
    public const string InvalidEventErrorType = "InvalidEvent";

    public async Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (FailureRecords.TryParse(invocation.Body, out var givenUp))
        {
            return Json(await FailGivenUpAsync(invocation, givenUp, cancellationToken), ProcessorJson.Default.FailureRecordsResponse);
        }

        ProcessorEvent processorEvent;
        try
        {
            processorEvent = ProcessorEvent.Parse(invocation.Body);
        }
        catch (InvalidEventException e)
        {
            return InvocationResult.Failure(InvalidEventErrorType, e.Message);
        }

        ActivityContext.TryParse(processorEvent.Traceparent, null, out var parent);
        using var activity = telemetry.Source.StartActivity("processor.invoke", ActivityKind.Consumer, parent);
        activity?.SetTag("faas.invocation_id", invocation.RequestId).SetTag("aws.lambda.trace_id", invocation.TraceId)
            .SetTag("event.kind", processorEvent.Kind);

        switch (processorEvent.Kind)
        {
            case ProcessorEvent.PingKind:
                return Json(new PingResponse(await FfmpegVersionAsync(cancellationToken), BuildVersion(), RuntimeInformation.FrameworkDescription,
                    RuntimeInformation.RuntimeIdentifier), ProcessorJson.Default.PingResponse);
            case ProcessorEvent.SweepKind:
                var swept = await sweeper.SweepAsync(ProcessingMethod.Lambda, recovery.Value.LambdaRedispatchAfter, RedispatchAsync, null, cancellationToken);
                Log.Swept(logger, invocation.RequestId, swept.Redispatched, swept.Failed);
                return Json(new SweepResponse(swept.Redispatched, swept.Failed), ProcessorJson.Default.SweepResponse);
        }

        var timeLimit = LambdaDeadline.TimeLimit(timeProvider.GetUtcNow(), invocation.DeadlineUnixMilliseconds, lambda.Value.DeadlineMargin);
        var work = processorEvent.ToWork();
        Log.InvocationStarted(logger, invocation.RequestId, work.Key, timeLimit.TotalSeconds);
        var outcome = await executor.ExecuteAsync(work, ProcessingMethod.Lambda, cancellationToken, timeLimit);
        return outcome switch
        {
            JobOutcome.Retry => InvocationResult.Failure(RetryErrorType,
                $"The {processorEvent.Kind} hit a transient failure and was given back to the queue; deliver the event again."),
            JobOutcome.Released => InvocationResult.Failure(RetryErrorType,
                $"The Processor shut down during the {processorEvent.Kind}; it was given back to the queue."),
            _ => Json(new JobResponse(processorEvent.JobId!, JobTelemetry.OutcomeTag(outcome)) { Chunk = work.Chunk }, ProcessorJson.Default.JobResponse),
        };
    }

    private static InvocationResult Json<T>(T response, JsonTypeInfo<T> contract) =>
        InvocationResult.Success(JsonSerializer.SerializeToUtf8Bytes(response, contract));

    /// <summary>The sweep's dispatch: an asynchronous invoke of this same function with the job's event.</summary>
    private async Task<bool> RedispatchAsync(Job job, CancellationToken cancellationToken)
    {
        await selfInvoke.JobAsync(job, cancellationToken);
        return true;
    }

    private async Task<FailureRecordsResponse> FailGivenUpAsync(Invocation invocation, IReadOnlyList<FailureRecords.GivenUp> records, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var record in records)
        {
            if (await sweeper.GiveUpAsync(record.JobId, record.Reason, cancellationToken))
            {
                failed++;
            }
        }

        Log.FailureRecordsRead(logger, invocation.RequestId, records.Count, failed);
        return new FailureRecordsResponse(records.Count, failed);
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

internal sealed record JobResponse(string JobId, string Outcome)
{
    /// <summary>The chunk the invocation ran, for a chunk event.</summary>
    public int? Chunk { get; init; }
}

internal sealed record SweepResponse(int Redispatched, int Failed);

internal sealed record FailureRecordsResponse(int Records, int Failed);
