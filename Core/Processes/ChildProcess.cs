using System.Diagnostics;

namespace VideoAspire.Core.Processes;

/// <summary>
/// A long-running child (an emulator, a server). Disposing closes its stdin, gives it a moment to stop
/// by itself, then kills the whole process tree: nothing outlives the owner.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(3);

    private readonly Process _process;
    private readonly OutputTail _stderr = new();
    private readonly Task _stderrPump;
    private readonly Task _stdoutPump = Task.CompletedTask;
    private int _disposed;

    private ChildProcess(Process process, Action<string>? onStdoutLine)
    {
        _process = process;
        _stderrPump = ProcessRunner.PumpAsync(process.StandardError, _stderr.Add);
        if (onStdoutLine is not null)
        {
            _stdoutPump = ProcessRunner.PumpAsync(process.StandardOutput, onStdoutLine);
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stderr.</summary>
    public string StderrTail => _stderr.ToString();

    /// <summary>
    /// Starts the process; its stdin stays open until disposal (children may watch it to exit with us).
    /// With <paramref name="onStdoutLine"/>, stdout is pumped to it (a chatty child never blocks on a full pipe);
    /// without, read it with <see cref="ReadLineAsync"/>.
    /// </summary>
    public static ChildProcess Start(ProcessSpec spec, Action<string>? onStdoutLine = null) =>
        new(ProcessRunner.Start(spec, redirectStdin: true), onStdoutLine);

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Waits for the process to exit by itself.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Reads the next line of stdout; null when the process closed stdout (usually: it exited).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(GracefulStop);
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not stop by itself in time.
        }
        catch (IOException)
        {
            // stdin already broken: the process is gone or going.
        }
        finally
        {
            ProcessRunner.KillTree(_process);
            await _process.WaitForExitAsync(CancellationToken.None);
            await _stderrPump;
            await _stdoutPump;
            _process.Dispose();
        }
    }
}
