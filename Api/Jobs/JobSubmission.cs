using Microsoft.Extensions.Options;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Processing;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Api.Jobs;

/// <summary>
/// The path from a job request to a dispatched job, shared by POST /api/jobs and POST /api/videos/analyze:
/// the request's options (defaults filled in, <see cref="JobRequestDefaults"/>) are validated, then the caller's
/// upload is looked up under the caller's own prefix and checked against what was declared, then the job is written
/// QUEUED and handed to the <see cref="JobDispatcher"/>. A failed check writes nothing.
/// </summary>
internal sealed class JobSubmission(
    JobRequestValidator validator, ObjectStore objects, JobStore store, JobDispatcher dispatcher, IOptions<UploadOptions> uploads,
    TimeProvider timeProvider)
{
    /// <summary>Checks the request and the upload, writes the job and dispatches it; the job as written.</summary>
    public async Task<Checked<Job>> SubmitAsync(string userId, CreateJobRequest request, CancellationToken cancellationToken)
    {
        var options = JobRequestDefaults.Options(request);
        var upload = await CheckAsync(userId, request.UploadId, validator.Validate(options), cancellationToken);
        if (upload.Value is not { } sourceKey)
        {
            return new(null, upload.Invalid, upload.Refused);
        }

        var job = NewJob(userId, sourceKey, options);
        await store.CreateAsync(job, cancellationToken);
        await dispatcher.DispatchAsync(job, cancellationToken);
        return new(job);
    }

    /// <summary>The checks analyze shares with a job, for its cutting options alone; the usable upload's key.</summary>
    public Task<Checked<string>> CheckUploadAsync(string userId, string uploadId, CuttingOptions cutting, CancellationToken cancellationToken) =>
        CheckAsync(userId, uploadId, JobRequestValidator.ValidateCutting(cutting), cancellationToken);

    /// <summary>A new QUEUED job, its method chosen by the dispatcher's rollout policy.</summary>
    private Job NewJob(string userId, string sourceKey, JobOptions options)
    {
        var (id, now) = (StorageLayout.NewId(), timeProvider.GetUtcNow());
        return new Job
        {
            Id = id,
            UserId = userId,
            SourceKey = sourceKey,
            Options = options,
            Method = dispatcher.ChooseMethod(id),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<Checked<string>> CheckAsync(
        string userId, string uploadId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return new(null, Invalid: ApiProblems.Invalid(errors));
        }

        var key = StorageLayout.UploadKey(userId, uploadId); // the caller's own prefix: another user's upload is not found
        if (await objects.GetUploadAsync(key, cancellationToken) is not { } upload)
        {
            return new(null, Refused: ApiProblems.NotFound("upload_not_found", $"No uploaded video '{uploadId}' was found for this caller."));
        }

        return UploadRules.StoredUploadProblem(upload, uploads.Value) is { } problem
            ? new(null, Refused: ApiProblems.BadRequest("upload_refused", problem))
            : new(key);
    }
}
