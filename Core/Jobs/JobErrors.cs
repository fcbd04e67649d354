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

    /// <summary>Expected failures are the input's fault; the rest are ours (logged as errors, rethrown to the host).</summary>
    public static bool IsExpected(Exception exception) => exception is MediaException or SegmentPlanException;

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
