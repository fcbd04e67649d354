using System.ComponentModel;
using System.Diagnostics;

namespace VideoAspire.Core.Processes;

/// <summary>
/// The one way this code base runs a child process (ffmpeg, ffprobe, node): stderr captured as a tail,
/// stdout streamed to a callback, the whole process tree killed on cancellation, a non-zero exit turned
/// into <see cref="ProcessFailedException"/>. Tools run by <see cref="RunAsync"/> die with this process,
/// however it dies (see <see cref="Watchdog"/>).
/// </summary>
public static class ProcessRunner
{
    /// <summary>
    /// ffmpeg does not die with its parent: after a kill -9 of the worker it runs on, reparented, until its input ends.
    /// So tools run under this POSIX sh script: it starts the command in the background and a watcher that kills it
    /// when the script's stdin, a pipe whose writing end only this process holds, reaches end of file, which the
    /// kernel causes when this process exits for any reason. (An asynchronous list's stdin is /dev/null, hence the
    /// pipe kept as fd 3.) On a normal end the watcher is stopped and reaped and the command's exit status passed on;
    /// a signal to the script (Ctrl+C to the process group) takes the command and the watcher down with it.
    /// </summary>
    internal const string Watchdog =
        "exec 3<&0; \"$@\" </dev/null 3<&- & c=$!; " +
        "(read -r _ <&3; kill -KILL \"$c\" 2>/dev/null) >/dev/null 2>&1 & w=$!; " +
        "trap 'kill -KILL \"$c\" \"$w\" 2>/dev/null; exit 143' INT TERM HUP; " +
        "wait \"$c\"; s=$?; kill \"$w\" 2>/dev/null; wait \"$w\" 2>/dev/null; exit \"$s\"";

    private const string Shell = "/bin/sh";

    /// <summary>Runs to completion; a non-zero exit code throws <see cref="ProcessFailedException"/>.</summary>
    public static async Task RunAsync(
        ProcessSpec spec, Action<string>? onStdoutLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var stderr = new OutputTail();
        using var process = StartDyingWithUs(spec);
        var stdoutPump = PumpAsync(process.StandardOutput, onStdoutLine ?? (_ => { }));
        var stderrPump = PumpAsync(process.StandardError, stderr.Add);

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await Task.WhenAll(stdoutPump, stderrPump);
        }

        if (process.ExitCode != 0)
        {
            throw new ProcessFailedException(spec.FileName, process.ExitCode, stderr.ToString());
        }
    }

    /// <summary>Starts <paramref name="spec"/> under the <see cref="Watchdog"/> where a POSIX shell exists (else directly).</summary>
    internal static Process StartDyingWithUs(ProcessSpec spec)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Shell))
        {
            return Start(spec, redirectStdin: false);
        }

        // Resolved here so a missing tool is still a ToolNotFoundException, not a shell's exit code 127.
        var executable = Resolve(spec.FileName)
            ?? throw new ToolNotFoundException($"Could not start '{spec.FileName}': no such executable. Is it installed and on PATH?");
        return Start(spec with { FileName = Shell, Arguments = ["-c", Watchdog, "videoaspire-watchdog", executable, .. spec.Arguments] },
            redirectStdin: true);
    }

    private static string? Resolve(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? Path.GetFullPath(fileName) : null;
        }

        return (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, fileName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Starts a process with stdout and stderr redirected (and stdin when asked).</summary>
    internal static Process Start(ProcessSpec spec, bool redirectStdin)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{spec.FileName}'.");
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException($"Could not start '{spec.FileName}': {e.Message}. Is it installed and on PATH?", e);
        }
    }

    internal static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    internal static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            onLine(line);
        }
    }
}
