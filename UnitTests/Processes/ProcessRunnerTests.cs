using System.Diagnostics;
using VideoAspire.Core.Processes;

namespace VideoAspire.UnitTests.Processes;

public sealed class ProcessRunnerTests
{
    private static ProcessSpec Shell(string script) => new("/bin/sh", ["-c", script]);

    [Fact]
    public async Task RunAsync_NonZeroExit_ThrowsWithExitCodeAndStderrTail()
    {
        var spec = Shell("echo first >&2; echo 'the real reason' >&2; exit 3");

        var exception = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            ProcessRunner.RunAsync(spec, null, TestContext.Current.CancellationToken));

        Assert.Equal(3, exception.ExitCode);
        Assert.Equal("first\nthe real reason", exception.StderrTail);
        Assert.Equal("sh exited with code 3: the real reason", exception.Message);
    }

    [Fact]
    public async Task RunAsync_StdoutLines_ReachTheCallbackInOrder()
    {
        var lines = new List<string>();

        await ProcessRunner.RunAsync(Shell("printf 'a\\nb\\nc\\n'"), lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], lines);
    }

    [Fact]
    public async Task RunAsync_ArgumentsWithQuotesAndSpaces_ArePassedVerbatim()
    {
        var lines = new List<string>();
        const string tricky = "it's \"quoted\"; $HOME | spaced  out";

        await ProcessRunner.RunAsync(new ProcessSpec("/bin/echo", [tricky]), lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal([tricky], lines);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheWholeProcessTreePromptly()
    {
        var grandchildPid = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();

        var run = ProcessRunner.RunAsync(
            Shell("sleep 300 & echo $!; wait"),
            line => grandchildPid.TrySetResult(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture)),
            cancellation.Token);
        var pid = await grandchildPid.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.True(await ExitedAsync(pid), $"grandchild {pid} still runs");
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_SaysWhatIsMissing()
    {
        var exception = await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            ProcessRunner.RunAsync(new ProcessSpec("videoaspire-no-such-tool", []), null, TestContext.Current.CancellationToken));

        Assert.Contains("videoaspire-no-such-tool", exception.Message, StringComparison.Ordinal);
    }

    internal static async Task<bool> ExitedAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            // A killed process may linger as a zombie until reaped; its /proc status then says so.
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status) || File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
