using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.LambdaEmulator;

/// <summary>
/// Lambda's Invoke API: POST /2015-03-31/functions/{name}/invocations with X-Amz-Invocation-Type
/// Event (202, queued, retried on function error) or RequestResponse (200 with the result; a function
/// error still answers 200, with X-Amz-Function-Error). Signatures are recorded, not checked.
/// </summary>
internal static class InvokeApi
{
    /// <summary>Lambda's payload limits: 1 MB for asynchronous, 6 MB for synchronous invocations.</summary>
    internal const int MaxEventPayloadBytes = 1024 * 1024;
    internal const int MaxRequestResponsePayloadBytes = 6 * 1024 * 1024;

    public static IEndpointRouteBuilder MapInvokeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/2015-03-31/functions/{name}/invocations", InvokeAsync);
        return routes;
    }

    internal static async Task<IResult> InvokeAsync(
        string name, HttpRequest request, FunctionRegistry functions, InvocationLog log, TimeProvider timeProvider,
        IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (functions.Find(name) is not { } function)
        {
            return AwsError(404, "ResourceNotFoundException", $"Function not found: {name}");
        }

        var typeHeader = request.Headers["X-Amz-Invocation-Type"].ToString();
        if (!TryParseType(typeHeader, out var type))
        {
            return AwsError(400, "InvalidParameterValueException", $"Unsupported invocation type '{typeHeader}': use Event or RequestResponse.");
        }

        var limit = type == InvocationType.Event ? MaxEventPayloadBytes : MaxRequestResponsePayloadBytes;
        var payload = await ReadPayloadAsync(request, limit, cancellationToken);
        if (payload is null)
        {
            return AwsError(413, "RequestTooLargeException", $"Request must be smaller than {limit} bytes for the {type} invocation type.");
        }

        if (!IsJson(payload))
        {
            return AwsError(400, "InvalidRequestContentException", "Could not parse request body into json.");
        }

        var parent = Activity.Current?.Context ?? default;
        log.Add(new InvokeRecord(name, type, request.Headers.Authorization.ToString(), request.Headers["X-Amz-Date"].ToString(),
            payload, Activity.Current?.Id, timeProvider.GetUtcNow()));

        if (type == InvocationType.Event)
        {
            function.InvokeEvent(payload, parent, lifetime.ApplicationStopping);
            return TypedResults.StatusCode(202);
        }

        var result = await function.InvokeAsync(payload, parent, attempt: 1, cancellationToken);
        request.HttpContext.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (result.Error)
        {
            request.HttpContext.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        return TypedResults.Text(result.Body, "application/json", statusCode: 200);
    }

    private static bool TryParseType(string header, out InvocationType type)
    {
        switch (header)
        {
            case "" or "RequestResponse":
                type = InvocationType.RequestResponse;
                return true;
            case "Event":
                type = InvocationType.Event;
                return true;
            default:
                type = default;
                return false;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadPayloadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJson(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return true; // Lambda treats an empty payload as {}.
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Lambda's error shape: x-amzn-ErrorType plus {"Type","message"}.</summary>
    private static AwsErrorResult AwsError(int status, string errorType, string message) =>
        new AwsErrorResult(status, errorType, message);

    private sealed class AwsErrorResult(int status, string errorType, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers["x-amzn-ErrorType"] = errorType;
            return httpContext.Response.WriteAsJsonAsync(new AwsErrorBody("User", message));
        }
    }

    private sealed record AwsErrorBody(string Type, string Message);
}
