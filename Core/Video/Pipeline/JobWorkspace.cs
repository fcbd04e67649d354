using System.Globalization;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// One folder per job run for every temporary file; removed on dispose, whatever the outcome. Its name carries
/// the owning process id (videoaspire-{jobId}-p{pid}-{random}), so a process that starts after a crash can tell
/// the dead owner's folders, and the ffmpeg children still writing into them, from a live neighbour's
/// (<see cref="WorkspaceJanitor"/>).
/// </summary>
public sealed class JobWorkspace : IDisposable
{
    internal const string NamePrefix = "videoaspire-";

    private JobWorkspace(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Makes the job's folder; a disk that refuses is a <see cref="LocalDiskException"/>.</summary>
    public static JobWorkspace Create(string? root, string jobId)
    {
        var parent = Root(root);
        var safeId = new string([.. jobId.Where(char.IsAsciiLetterOrDigit).Take(40)]);
        var directory = Path.Combine(parent,
            string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{safeId}-p{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            System.IO.Directory.CreateDirectory(parent);
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (IOException e)
        {
            throw LocalDiskException.From(e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalDiskException($"The work directory '{parent}' is not writable: {e.Message}", isDiskFull: false, e);
        }

        return new JobWorkspace(directory);
    }

    /// <summary>Where job folders go: Video:WorkDirectory, else the system temp folder.</summary>
    public static string Root(string? root) => root ?? Path.GetTempPath();

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Dispose() => DeleteDirectory(Directory);

    internal static void DeleteDirectory(string directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (System.IO.Directory.Exists(directory))
                {
                    System.IO.Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(50 * (attempt + 1)); // a just-killed process may still hold a file
            }
        }
    }
}
