using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// What a <see cref="JobSubmission"/> step came to: its <paramref name="Value"/>, or the client mistake that stopped it
/// before anything was written: field errors (<paramref name="Invalid"/>, 400 validation_failed) or an upload that
/// cannot be used (<paramref name="Refused"/>, 404 upload_not_found or 400 upload_refused). Exactly one is set.
/// </summary>
internal sealed record Checked<T>(T? Value, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null)
    where T : class;
