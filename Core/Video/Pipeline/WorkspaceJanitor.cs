using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Cleans up after a process that died without cleaning up (kill -9, out of memory): at start, every job folder
/// whose owner process is gone is removed, and any process still working in it (an orphaned ffmpeg, reparented
/// to init when its parent died, which ffmpeg survives) is killed first. Folders of live processes (other
/// workers sharing the temp folder) are left alone. Linux only (/proc); elsewhere it does nothing.
/// </summary>
public static partial class WorkspaceJanitor
{
    /// <returns>How many stale folders were removed and how many orphaned processes were killed.</returns>
    /// <remarks>Never throws: a folder it cannot remove is logged and left for the next start, not a reason to refuse to start.</remarks>
    public static (int Folders, int Processes) CleanStale(string? root, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            return Clean(root, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.JanitorFailed(logger, e);
            return (0, 0);
        }
    }

    private static (int Folders, int Processes) Clean(string? root, ILogger logger)
    {
        var parent = JobWorkspace.Root(root);
        if (!OperatingSystem.IsLinux() || !Directory.Exists(parent))
        {
            return (0, 0);
        }

        int folders = 0, processes = 0;
        foreach (var directory in Directory.EnumerateDirectories(parent, JobWorkspace.NamePrefix + "*"))
        {
            var match = OwnerPattern().Match(Path.GetFileName(directory));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var owner)
                || Directory.Exists($"/proc/{owner}"))
            {
                continue; // not ours to judge, or its owner is alive (this process included: several hosts may share it)
            }

            processes += KillProcessesUsing(directory);
            JobWorkspace.DeleteDirectory(directory);
            folders++;
        }

        if (folders > 0)
        {
            Log.StaleWorkspacesRemoved(logger, folders, processes, parent);
        }

        return (folders, processes);
    }

    /// <summary>Kills every process whose command line names <paramref name="directory"/> (ffmpeg writes its segments there).</summary>
    private static int KillProcessesUsing(string directory)
    {
        var killed = 0;
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(proc, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile, or not ours to read
            }

            if (!commandLine.Contains(directory, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Exited meanwhile.
            }
        }

        return killed;
    }

    [GeneratedRegex(@"^videoaspire-[A-Za-z0-9]*-p(\d{1,10})-[0-9a-f]{32}$")]
    private static partial Regex OwnerPattern();
}
