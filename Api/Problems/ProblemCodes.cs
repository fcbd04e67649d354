namespace VideoAspire.Api.Problems;

/// <summary>
/// The stable "code" of every error the Api answers. Handlers name their own (upload_not_found, ...); a problem
/// that arrives without one (written by the framework: authentication, authorization, routing, binding,
/// attribute validation, an unhandled exception) gets the code of its status here, so clients can switch on
/// "code" alone.
/// </summary>
internal static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";

    /// <summary>The code of a problem that carries none; unlisted 4xx are the client's request, unlisted 5xx ours.</summary>
    public static string ForStatus(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        >= 400 and < 500 => MalformedRequest,
        _ => InternalError,
    };
}
