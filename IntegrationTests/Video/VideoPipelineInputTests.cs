using System.Diagnostics;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>Other containers and codecs become playable MP4; bad inputs give typed errors; cancellation cleans up.</summary>
public sealed class VideoPipelineInputTests(TestVideos videos)
{
    public static TheoryData<string> Inputs => ["mov-pcm", "mkv-opus", "webm-vp9", "no-audio", "portrait", "vfr"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task CopyMode_OtherContainersAndCodecs_GivePlayableMp4Segments(string kind)
    {
        using var harness = new PipelineHarness();
        var input = await InputAsync(kind);

        var result = await harness.RunAsync(input, CuttingOptions.Fixed(3));

        Assert.True(harness.Segments.Count >= 2, $"{harness.Segments.Count} segments");
        foreach (var segment in harness.Segments)
        {
            var probe = await FfprobeReader.ProbeAsync(segment.File);
            var streams = probe.GetProperty("streams").EnumerateArray().ToList();
            Assert.Contains("mp4", probe.GetProperty("format").GetProperty("format_name").GetString(), StringComparison.Ordinal);
            Assert.Equal("h264", streams.Single(s => s.GetProperty("codec_type").GetString() == "video").GetProperty("codec_name").GetString());
            var audio = streams.Where(s => s.GetProperty("codec_type").GetString() == "audio").ToList();
            Assert.Equal(result.Media.Audio is null ? 0 : 1, audio.Count);
            Assert.All(audio, a => Assert.Equal("aac", a.GetProperty("codec_name").GetString()));
            await FfprobeReader.DecodesCleanlyAsync(segment.File);
        }
    }

    [Fact]
    public async Task CopyMode_PortraitVideo_KeepsItsDisplayRotation()
    {
        using var harness = new PipelineHarness();
        var prober = new MediaProber(Microsoft.Extensions.Options.Options.Create(harness.Options));

        var result = await harness.RunAsync(await videos.PortraitRotatedAsync(), CuttingOptions.Fixed(3));
        var segment = await prober.ProbeAsync(harness.Segments[0].File, TestContext.Current.CancellationToken);

        Assert.Equal(90, Math.Abs(result.Media.Video.Rotation));
        Assert.Equal(result.Media.Video.Rotation, segment.Video.Rotation);
        Assert.Equal((640, 360), (segment.Video.Width, segment.Video.Height));
    }

    [Fact]
    public async Task ExactMode_PortraitVideo_IsRotatedIntoUprightPixels()
    {
        using var harness = new PipelineHarness();
        var prober = new MediaProber(Microsoft.Extensions.Options.Options.Create(harness.Options));

        await harness.RunAsync(await videos.PortraitRotatedAsync(), CuttingOptions.Fixed(3), OutputMode.Exact);
        var segment = await prober.ProbeAsync(harness.Segments[0].File, TestContext.Current.CancellationToken);

        Assert.Equal(0, segment.Video.Rotation);
        Assert.Equal((360, 640), (segment.Video.Width, segment.Video.Height));
    }

    [Theory]
    [InlineData("zero-bytes", MediaErrorCode.EmptyInput, "empty")]
    [InlineData("not-a-video", MediaErrorCode.UnreadableInput, "Invalid data found")]
    [InlineData("audio-only", MediaErrorCode.NoVideoStream, "no video stream")]
    [InlineData("cut-no-index", MediaErrorCode.UnreadableInput, "Invalid data found")]
    [InlineData("truncated", MediaErrorCode.TruncatedInput, "truncated")]
    public async Task BadInput_FailsWithATypedClearError(string kind, MediaErrorCode code, string message)
    {
        using var harness = new PipelineHarness();
        var input = await InputAsync(kind);

        var error = await Assert.ThrowsAsync<MediaException>(() => harness.RunAsync(input, CuttingOptions.Fixed(5)));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(input, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }

    [Fact]
    public async Task Cancellation_KillsFfmpegPromptlyAndRemovesTheWorkFolder()
    {
        using var harness = new PipelineHarness();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var input = await videos.H264Gop2Async();
        var stopwatch = new Stopwatch();
        var run = harness.RunAsync(input, CuttingOptions.Fixed(10), OutputMode.Exact, cancellationToken: cancellation.Token);
        while (harness.Progress.Count == 0 && !run.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var ffmpeg = FfmpegProcessesUsing(harness.WorkDirectory);
        stopwatch.Start();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.NotEmpty(ffmpeg);
        foreach (var pid in ffmpeg)
        {
            Assert.True(await ProcessProbe.ExitedAsync(pid), $"ffmpeg {pid} survived cancellation");
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDirectory));
    }

    private Task<string> InputAsync(string kind) => kind switch
    {
        "mov-pcm" => videos.MovWithPcmAudioAsync(),
        "mkv-opus" => videos.MkvWithOpusAsync(),
        "webm-vp9" => videos.WebmVp9OpusAsync(),
        "no-audio" => videos.NoAudioAsync(),
        "portrait" => videos.PortraitRotatedAsync(),
        "vfr" => videos.VariableFrameRateAsync(),
        "zero-bytes" => videos.ZeroBytesAsync(),
        "not-a-video" => videos.NotAVideoAsync(),
        "audio-only" => videos.AudioOnlyAsync(),
        "cut-no-index" => videos.CutWithoutIndexAsync(),
        "truncated" => videos.TruncatedAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Running ffmpeg processes whose command line mentions <paramref name="directory"/> (Linux /proc).</summary>
    private static List<int> FfmpegProcessesUsing(string directory) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                    return Path.GetFileName(commandLine.Split('\0')[0]) == "ffmpeg" && commandLine.Contains(directory, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            }),
    ];
}
