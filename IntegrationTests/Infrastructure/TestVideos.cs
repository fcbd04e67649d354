using System.Collections.Concurrent;
using VideoAspire.Core.Processes;

[assembly: AssemblyFixture(typeof(VideoAspire.IntegrationTests.Infrastructure.TestVideos))]

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Test inputs generated with ffmpeg (lavfi testsrc2 + sine) on first use, cached for the test run in one
/// temp folder and deleted at its end. Nothing binary is committed.
/// </summary>
public sealed class TestVideos : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("videoaspire-test-videos-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _cache = new();

    /// <summary>30 s, 640x360, 30 fps H.264 with a keyframe every 2 s, AAC audio.</summary>
    public Task<string> H264Gop2Async() => GetAsync("h264-gop2.mp4", file => Encode(file, 30, "640x360", 30,
        ["-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac"]));

    /// <summary>20 s of 1280x720 H.264 + AAC, over 10 MiB: enough for a multipart upload of three 5 MiB parts.</summary>
    public Task<string> H264LargeAsync() => GetAsync("h264-720p.mp4", file => Encode(file, 20, "1280x720", 30,
        ["-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac"]));

    /// <summary>The same picture as <see cref="H264Gop2Async"/>, moov at the end, cut to half its bytes: no index at all.</summary>
    public Task<string> CutWithoutIndexAsync() => GetAsync("cut-no-moov.mp4", async file =>
    {
        var source = await Slow("slow-moov-last.mp4", 20, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
        await TruncateAsync(source, file, 0.5);
    });

    /// <summary>Index at the front (faststart) but the media data cut at 40%: readable, yet incomplete.</summary>
    public Task<string> TruncatedAsync() => GetAsync("truncated.mp4", async file =>
    {
        var source = await Slow("faststart.mp4", 20, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"]);
        await TruncateAsync(source, file, 0.4);
    });

    public Task<string> MovWithPcmAudioAsync() => GetAsync("pcm.mov", file => Encode(file, 6, "640x360", 25,
        ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le"]));

    public Task<string> MkvWithOpusAsync() => GetAsync("opus.mkv", file => Encode(file, 6, "640x360", 25,
        ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "libopus"]));

    public Task<string> WebmVp9OpusAsync() => GetAsync("vp9.webm", file => Encode(file, 6, "320x180", 25,
        ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus"]));

    public Task<string> NoAudioAsync() => GetAsync("no-audio.mp4", file => Run(
        ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "8", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-pix_fmt", "yuv420p", file]));

    /// <summary>Landscape pixels with a 90° display rotation, as phones record portrait video.</summary>
    public Task<string> PortraitRotatedAsync() => GetAsync("portrait.mp4", async file =>
    {
        // ffmpeg 5.1 writes the rotation (a display matrix) only when stream-copying.
        var landscape = await Slow("landscape-6s.mp4", 6, ["-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
        await Run(["-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=90", file]);
    });

    /// <summary>
    /// As an iPhone records: HEVC Main 10 ('hvc1') in QuickTime with a 90° display matrix and AAC audio; 6 s of 640x360,
    /// a keyframe every second (libx265 ultrafast: about 4 s to make).
    /// </summary>
    public Task<string> IphoneHevcAsync() => GetAsync("iphone-hevc.mov", async file =>
    {
        var landscape = await Slow("hevc-landscape-6s.mov", 6,
            ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=error:keyint=30:min-keyint=30:scenecut=0",
             "-tag:v", "hvc1", "-c:a", "aac"]);
        await Run(["-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=90", file]); // ffmpeg 5.1 writes rotation only when copying
    });

    /// <summary>The same HEVC in Matroska, which has no sample entry: copied into MP4, ffmpeg tags it 'hev1' unless told otherwise.</summary>
    public Task<string> MatroskaHevcAsync() => GetAsync("hevc.mkv", async file => await Run(["-i", await IphoneHevcAsync(), "-c", "copy", file]));

    /// <summary>Variable frame rate: frames dropped unevenly, timestamps kept.</summary>
    public Task<string> VariableFrameRateAsync() => GetAsync("vfr.mp4", file => Run(
        ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
         "-t", "8", "-vf", "select='not(mod(n\\,3))+between(n\\,60\\,120)'", "-fps_mode", "vfr",
         "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file]));

    public Task<string> AudioOnlyAsync() => GetAsync("audio-only.m4a", file => Run(
        ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "5", "-c:a", "aac", file]));

    /// <summary>One black 8448x8448 frame: about 200 KB on disk, a picture over the default 8192-pixel limit.</summary>
    public Task<string> HugePictureAsync() => GetAsync("huge.mkv", file => Run(
        ["-f", "lavfi", "-i", "color=black:s=8448x8448:r=1", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", file]));

    public Task<string> NotAVideoAsync() => GetAsync("notes.mp4", file => File.WriteAllTextAsync(file, "These are meeting notes, not a video.\n"));

    public Task<string> ZeroBytesAsync() => GetAsync("empty.mp4", file => File.WriteAllBytesAsync(file, []));

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<string> GetAsync(string name, Func<string, Task> create) =>
        _cache.GetOrAdd(name, n => new Lazy<Task<string>>(async () =>
        {
            var file = Path.Combine(_directory, n);
            await create(file);
            return file;
        })).Value;

    private Task<string> Slow(string name, int seconds, string[] codecs) =>
        GetAsync(name, file => Encode(file, seconds, "640x360", 30, codecs));

    private static Task Encode(string file, int seconds, string size, int rate, string[] codecs) => Run(
    [
        "-f", "lavfi", "-i", $"testsrc2=size={size}:rate={rate}",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), .. codecs, "-shortest", file,
    ]);

    private static Task Run(string[] arguments) => ProcessRunner.RunAsync(
        new ProcessSpec("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments]),
        null, CancellationToken.None);

    private static async Task TruncateAsync(string source, string target, double fraction)
    {
        var bytes = await File.ReadAllBytesAsync(source);
        await File.WriteAllBytesAsync(target, bytes[..(int)(bytes.Length * fraction)]);
    }
}
