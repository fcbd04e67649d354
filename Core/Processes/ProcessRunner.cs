using System.ComponentModel;
using System.Diagnostics;

namespace VideoAspire.Core.Processes;

/// <summary>
/// The one way this code base runs a child process (ffmpeg, ffprobe, node): stderr captured as a tail,
/// stdout streamed to a callback, the whole process tree killed on cancellation, a non-zero exit turned
/// into <see cref="ProcessFailedException"/>.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs to completion; a non-zero exit code throws <see cref="ProcessFailedException"/>.</summary>
    public static async Task RunAsync(
        ProcessSpec spec, Action<string>? onStdoutLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var stderr = new OutputTail();
        using var process = Start(spec, redirectStdin: false);
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
