using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoAspire.Api.Problems;

/// <summary>Expected failures as ProblemDetails, each with a stable machine-readable "code".</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, "Not found", code, detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "The video cannot be processed", code, detail);

    public static ProblemHttpResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", code, detail);

    public static ProblemHttpResult StorageUnavailable(string detail) =>
        Problem(StatusCodes.Status502BadGateway, "Storage failed", "storage_unavailable", detail);

    public static ProblemHttpResult ProcessorUnavailable(string detail) =>
        Problem(StatusCodes.Status502BadGateway, "The Processor failed", "processor_unavailable", detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: ProblemDetailsConventions.ValidationTitle,
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Problem(int status, string title, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
