using VideoAspire.Core.Lambda;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The one place an exception becomes a job's failure. Each boundary throws its own type (the object store
/// <see cref="StorageException"/>, the jobs table <see cref="TableException"/>, Lambda <see cref="LambdaInvokeException"/>,
/// the media tools <see cref="MediaException"/>, the local disk <see cref="LocalDiskException"/>), so the code says
/// what failed, the message says why, and transience comes from the boundary that knows it.
/// </summary>
public static class JobErrors
{
    public static JobFailure Map(Exception exception) => exception switch
    {
        MediaException media => Expected(Snake(media.Code.ToString()), media.Message),
        SegmentPlanException plan => Expected("plan_refused", plan.Message),
        ToolNotFoundException => Ours("tool_unavailable",
            "The video tools (ffmpeg/ffprobe) are not available where this job ran; the deployment is incomplete.", transient: false),
        StorageException storage => Ours("storage_error", $"The object store (S3) failed: {storage.Message}", storage.IsTransient),
        TableException table => Ours("table_error", $"The jobs table (DynamoDB) failed: {table.Message}", table.IsTransient),
        LambdaInvokeException invoke => Ours("dispatch_failed", $"Invoking the Processor function failed: {invoke.Message}", invoke.IsTransient),
        LocalDiskException { IsDiskFull: true } disk => Ours("disk_full", $"The disk where the job ran is full: {disk.Message}", transient: true),
        LocalDiskException disk => Ours("disk_error", $"A temporary file could not be written or read: {disk.Message}", transient: false),
        IOException io => Map(LocalDiskException.From(io)), // a local file (the stores wrap their own I/O)
        _ => Ours("internal_error", "An unexpected error stopped the job; it is logged with the job id.", transient: false),
    };

    /// <summary>The error stored on a job that failed with <paramref name="exception"/>.</summary>
    public static JobError From(Exception exception) => Map(exception).Error;

    private static JobFailure Expected(string code, string message) => new(new JobError(code, message), IsTransient: false, IsExpected: true);

    private static JobFailure Ours(string code, string message, bool transient) => new(new JobError(code, message), transient, IsExpected: false);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
