using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>After a kill -9: the next start removes the dead owner's job folders and kills the ffmpeg still writing into them.</summary>
public sealed class WorkspaceJanitorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "janitor-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CleanStale_RemovesADeadOwnersFolderAndKillsItsOrphanedFfmpeg_KeepsALiveOwnersFolder()
    {
        Directory.CreateDirectory(_root);
        var deadOwner = await DeadProcessIdAsync();
        var stale = Directory.CreateDirectory(Path.Combine(_root, $"videoaspire-job1-p{deadOwner}-{Guid.NewGuid():N}")).FullName;
        using var live = JobWorkspace.Create(_root, "job2"); // owned by this (live) process
        using var orphan = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "300", "-y",
                Path.Combine(stale, "segment%04d.mp4")])
        {
            RedirectStandardError = true,
        })!;
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(orphan.HasExited, "ffmpeg did not start");

        var (folders, processes) = WorkspaceJanitor.CleanStale(_root, NullLogger.Instance);

        Assert.Equal((1, 1), (folders, processes));
        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(5)), "the orphaned ffmpeg still runs");
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(live.Directory));
    }

    /// <summary>The id of a process that has exited (a child we started and waited for).</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{process.Id}")));
        return process.Id;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
