using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace VideoAspire.Api.Problems;

/// <summary>
/// Requests the framework cannot bind (bad JSON, wrong types, unknown fields or enum values, bad query
/// values) become a 4xx ProblemDetails saying what was wrong, in every environment, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = badRequest.InnerException is JsonException json
            ? $"The body is not valid for this endpoint: {json.Message}"
            : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = detail,
                // malformed_request for a 400; 415 (not JSON) and 413 (too large) keep their own codes.
                Extensions = { ["code"] = ProblemCodes.ForStatus(badRequest.StatusCode) },
            },
        });
    }
}
