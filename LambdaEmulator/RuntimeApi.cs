using System.Diagnostics;
using System.Globalization;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.LambdaEmulator;

/// <summary>
/// Lambda's Runtime API (2018-06-01) for each function under "/{function}": an instance sets
/// AWS_LAMBDA_RUNTIME_API to "host:port/{function}" (as under Aspire.Hosting.AWS's emulator) and polls next.
/// </summary>
internal static class RuntimeApi
{
    public static IEndpointRouteBuilder MapRuntimeApi(this IEndpointRouteBuilder routes)
    {
        var runtime = routes.MapGroup("/{function}/2018-06-01/runtime");
        runtime.MapGet("/invocation/next", NextAsync);
        runtime.MapPost("/invocation/{requestId}/response", (string function, string requestId, HttpRequest request, FunctionRegistry functions,
            TimeProvider timeProvider) => EndAsync(function, requestId, request, functions, timeProvider, error: false));
        runtime.MapPost("/invocation/{requestId}/error", (string function, string requestId, HttpRequest request, FunctionRegistry functions,
            TimeProvider timeProvider) => EndAsync(function, requestId, request, functions, timeProvider, error: true));
        runtime.MapPost("/init/error", InitErrorAsync);
        return routes;
    }

    /// <summary>Blocks until an invocation is queued, then hands it over with Lambda's headers.</summary>
    internal static async Task NextAsync(string function, HttpContext context, FunctionRegistry functions, TimeProvider timeProvider, ILogger<FunctionRegistry> logger)
    {
        if (functions.Find(function) is not { } target)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var invocation = await target.TakeNextAsync(context.RequestAborted);
        try
        {
            var delivery = target.StartDeliveryActivity(invocation);
            var deadline = timeProvider.GetUtcNow().Add(target.Timeout).ToUnixTimeMilliseconds();
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = $"arn:aws:lambda:us-east-1:000000000000:function:{function}";
            context.Response.Headers["Lambda-Runtime-Trace-Id"] = XRayTraceHeader(delivery?.Context ?? invocation.Parent);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
            await context.Response.CompleteAsync();
            invocation.StartDeadline(target.Timeout, timeProvider);
            Log.Delivered(logger, function, invocation.RequestId, invocation.Attempt);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            target.GiveBack(invocation);
        }
    }

    internal static async Task<IResult> EndAsync(
        string function, string requestId, HttpRequest request, FunctionRegistry functions, TimeProvider timeProvider, bool error)
    {
        if (functions.Find(function)?.FindInFlight(requestId) is not { } invocation)
        {
            return TypedResults.BadRequest(new RuntimeErrorBody($"Invalid request ID: {requestId} is not in flight.", "InvalidRequestID"));
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var errorType = error ? request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault() ?? "Unhandled" : null;
        return invocation.TryEnd(error, errorType, body, timeProvider.GetUtcNow())
            ? TypedResults.Accepted((string?)null, new RuntimeStatus("OK"))
            : TypedResults.BadRequest(new RuntimeErrorBody($"Invocation {requestId} has already ended (timed out).", "InvalidRequestID"));
    }

    internal static async Task<IResult> InitErrorAsync(string function, HttpRequest request, InvocationLog log, ILogger<FunctionRegistry> logger)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        log.AddInitError(body);
        Log.InitError(logger, function, body);
        return TypedResults.Accepted((string?)null, new RuntimeStatus("OK"));
    }

    /// <summary>Lambda's X-Ray header, built from the W3C context: Root=1-{8 hex}-{24 hex};Parent={16 hex};Sampled=0|1.</summary>
    internal static string XRayTraceHeader(ActivityContext context)
    {
        if (context == default)
        {
            context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        }

        var traceId = context.TraceId.ToHexString();
        var sampled = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? 1 : 0;
        return $"Root=1-{traceId[..8]}-{traceId[8..]};Parent={context.SpanId.ToHexString()};Sampled={sampled}";
    }

    private sealed record RuntimeStatus(string Status);

    private sealed record RuntimeErrorBody(string ErrorMessage, string ErrorType);
}
