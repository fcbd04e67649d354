using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Processing;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;

namespace VideoAspire.Api.Diagnostics;

/// <summary>Operational checks, for operators only: is the deployed Processor alive, and how do the two processing methods compare.</summary>
internal static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnosticsApi(this IEndpointRouteBuilder routes)
    {
        var diagnostics = routes.MapGroup("/api/diagnostics").WithTags("Diagnostics").RequireAuthorization(AuthOptions.OperatorPolicy);
        diagnostics.MapPost("/processor/ping", PingProcessorAsync)
            .WithName("PingProcessor").WithSummary("Invoke the Processor with a ping: its ffmpeg version and build")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        diagnostics.MapGet("/processing", GetProcessingStatsAsync)
            .WithName("GetProcessingStats").WithSummary("Compare the processing methods over recent jobs");
        return diagnostics;
    }

    /// <summary>
    /// Invokes the Processor synchronously with a ping event: its ffmpeg version and build. An Api without Lambda
    /// configured has no invoker (Processing:Mode=InProcess) and says so.
    /// </summary>
    internal static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> PingProcessorAsync(
        [FromServices] LambdaInvoker? invoker, IOptions<ProcessingOptions> options, CancellationToken cancellationToken)
    {
        if (invoker is null)
        {
            return ApiProblems.ProcessorUnavailable("This Api does not use the Processor: Processing:Mode is InProcess.");
        }

        try
        {
            var (functionError, body) = await invoker.InvokeAsync(options.Value.FunctionName, ProcessorEvent.Ping().ToJson(), cancellationToken);
            using var document = JsonDocument.Parse(body);
            return functionError
                ? ApiProblems.ProcessorUnavailable($"The Processor answered with a function error: {body}")
                : TypedResults.Ok(document.RootElement.Clone());
        }
        catch (Exception e) when (e is LambdaInvokeException or JsonException)
        {
            return ApiProblems.ProcessorUnavailable($"The Processor could not be invoked: {e.Message}");
        }
    }

    /// <summary>
    /// Per method, over the jobs that finished in the last <paramref name="hours"/> (default 24, at most 720; at most
    /// <see cref="ProcessingStats.MaxJobsPerMethod"/> newest per method): jobs, success rate, p50/p95 processing time
    /// (claim to commit) and segments produced. Read from the finished-jobs index, never the whole table.
    /// </summary>
    internal static async Task<Results<Ok<IReadOnlyList<MethodStats>>, ValidationProblem>> GetProcessingStatsAsync(
        JobStore jobs, TimeProvider timeProvider, CancellationToken cancellationToken, int hours = 24)
    {
        if (hours is < 1 or > 720)
        {
            return ApiProblems.Invalid("hours", "Must be between 1 and 720.");
        }

        var since = timeProvider.GetUtcNow().AddHours(-hours);
        var finished = new List<Job>();
        foreach (var method in Enum.GetValues<ProcessingMethod>())
        {
            finished.AddRange(await jobs.ListFinishedSinceAsync(method, since, ProcessingStats.MaxJobsPerMethod, cancellationToken));
        }

        return TypedResults.Ok(ProcessingStats.Compute(finished));
    }
}
