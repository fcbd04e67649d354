using System.Diagnostics.CodeAnalysis;
using VideoAspire.Core.Processes;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// The local disk failed the job: its workspace could not be made or written, or ffmpeg ran out of room. A full disk
/// is worth another attempt (it may run where there is room, after other jobs cleaned up); other disk errors are not.
/// </summary>
[SuppressMessage("Design", "CA1032", Justification = "Thrown only where the workspace is written, always with its cause.")]
public sealed class LocalDiskException(string message, bool isDiskFull, Exception? innerException = null)
    : BoundaryException(message, isTransient: isDiskFull, innerException)
{
    private const int LinuxNoSpace = 28; // ENOSPC, which .NET on Unix keeps as the IOException's HResult
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public bool IsDiskFull { get; } = isDiskFull;

    /// <summary>A failed file operation, told apart by its error code: a full disk or another disk error.</summary>
    public static LocalDiskException From(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new LocalDiskException(exception.Message,
            exception.HResult is LinuxNoSpace or WindowsDiskFull or WindowsHandleDiskFull, exception);
    }

    /// <summary>ffmpeg stopped because it could not write its output for lack of room; null when it failed for another reason.</summary>
    public static LocalDiskException? FromFfmpeg(ProcessFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StderrTail.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
            ? new LocalDiskException($"ffmpeg could not write its output: {exception.LastStderrLine}", isDiskFull: true, exception)
            : null;
    }
}
