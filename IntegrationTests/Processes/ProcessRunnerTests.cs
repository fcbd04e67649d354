using System.Diagnostics;
using VideoAspire.Core.Processes;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Processes;

/// <summary>Tools run under the watchdog: their output and exit status pass through, and they die when their parent does.</summary>
// Not beside others: the cancellation test takes every `sleep` below the test host as its own and waits for all to exit.
[Collection(NonParallelCollectionDefinition.Name)]
public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task RunAsync_PassesOutputAndExitStatusThrough()
    {
        var lines = new List<string>();

        var failure = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            ProcessRunner.RunAsync(new ProcessSpec("sh", ["-c", "echo \"$1\"; echo oops >&2; exit 3", "sh", "two words"]), lines.Add,
                TestContext.Current.CancellationToken));

        Assert.Equal(["two words"], lines);
        Assert.Equal(3, failure.ExitCode);
        Assert.Contains("oops", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingTool_IsToolNotFound()
    {
        await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            ProcessRunner.RunAsync(new ProcessSpec("/opt/bin/no-such-ffmpeg", ["-version"]), null, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            ProcessRunner.RunAsync(new ProcessSpec("no-such-tool-on-path", []), null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ParentGone_TheToolIsKilled()
    {
        using var process = ProcessRunner.StartDyingWithUs(new ProcessSpec("sleep", ["300"]));
        var sleep = await SingleDescendantAsync(process.Id, "sleep");

        process.StandardInput.Close(); // what the kernel does to the pipe when this process dies, however it dies

        Assert.True(await ProcessProbe.ExitedAsync(sleep), "the tool outlived its parent");
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.Equal(128 + 9, process.ExitCode);
    }

    [Fact]
    public async Task Cancelled_KillsTheToolAndTheWatchdog()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = ProcessRunner.RunAsync(new ProcessSpec("sleep", ["300"]), null, cancel.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var sleeps = ProcessProbe.Descendants(Environment.ProcessId, "sleep");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.NotEmpty(sleeps);
        foreach (var pid in sleeps)
        {
            Assert.True(await ProcessProbe.ExitedAsync(pid));
        }
    }

    private static async Task<int> SingleDescendantAsync(int root, string name)
    {
        for (var i = 0; i < 50; i++)
        {
            if (ProcessProbe.Descendants(root, name) is [var pid])
            {
                return pid;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no single '{name}' below {root}");
        return 0;
    }
}
