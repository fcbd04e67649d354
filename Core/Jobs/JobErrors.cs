using Amazon.Runtime;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Jobs;

/// <summary>Turns an exception into the stable error stored on a failed job.</summary>
public static class JobErrors
{
    public static JobError From(Exception exception) => exception switch
    {
        MediaException media => new JobError(Snake(media.Code.ToString()), media.Message),
        SegmentPlanException plan => new JobError("plan_refused", plan.Message),
        Processes.ToolNotFoundException => new JobError("tool_unavailable",
            "The video tools (ffmpeg/ffprobe) are not available where this job ran; the deployment is incomplete."),
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException =>
            new JobError("storage_error", $"Storing the results failed: {exception.Message}"),
        _ => new JobError("internal_error", "An unexpected error stopped the job; it is logged with the job id."),
    };

    /// <summary>
    /// Failures another attempt may not meet (storage and network errors that outlasted the SDK's own retries, a full
    /// disk): the job is given back while it has attempts left. The input's faults and ours are not retried.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode is 0 or 429 or >= 500
            || service.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "SlowDown" or "RequestTimeout",
        AmazonClientException or HttpRequestException or IOException or TimeoutException => true,
        TaskCanceledException => true, // an SDK or HTTP timeout; the executor catches cancellations it asked for before this
        _ => false,
    };

    /// <summary>Expected failures are the input's fault; the rest are ours (logged as errors, rethrown to the host).</summary>
    public static bool IsExpected(Exception exception) => exception is MediaException or SegmentPlanException;

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
