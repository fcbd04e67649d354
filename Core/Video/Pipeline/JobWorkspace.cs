namespace VideoAspire.Core.Video.Pipeline;

/// <summary>One folder per job run for every temporary file; removed on dispose, whatever the outcome.</summary>
public sealed class JobWorkspace : IDisposable
{
    private JobWorkspace(string directory) => Directory = directory;

    public string Directory { get; }

    public static JobWorkspace Create(string? root, string jobId)
    {
        var parent = root ?? Path.GetTempPath();
        System.IO.Directory.CreateDirectory(parent);
        var safeId = new string([.. jobId.Where(char.IsAsciiLetterOrDigit).Take(40)]);
        var directory = Path.Combine(parent, $"videoaspire-{safeId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return new JobWorkspace(directory);
    }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Dispose()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (System.IO.Directory.Exists(Directory))
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
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
