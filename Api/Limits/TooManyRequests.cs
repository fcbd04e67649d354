using System.Globalization;

namespace VideoAspire.Api.Limits;

/// <summary>The one shape of a 429: ProblemDetails with a stable code, and Retry-After in whole seconds.</summary>
internal static class TooManyRequests
{
    public static ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, string code, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }
}
