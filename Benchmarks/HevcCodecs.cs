using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Benchmarks;

/// <summary>
/// The most common upload, an iPhone video (HEVC Main 10 in .mov, rotated), cut in copy mode both ways: codecs=h264
/// (the default: re-encoded to H.264) and codecs=keep (HEVC copied).
/// </summary>
internal static class HevcCodecs
{
    private const int Seconds = 30;

    public static async Task RunAsync(string work, int runs, Report report, Func<string, SegmentCodecs, Task> runPipeline)
    {
        var input = await Inputs.EnsureIphoneHevcAsync(work, Seconds);
        Console.WriteLine($"\n## {Seconds} s 1080p30 HEVC Main 10 in .mov, rotated 90° ({new FileInfo(input).Length / 1_000_000} MB), 10 s segments, copy mode");
        await Inputs.ReadThroughAsync(input);

        var reencoded = await Report.TimeAsync("pipeline, codecs=h264 (re-encoded to H.264)", Math.Max(1, runs - 1),
            () => runPipeline(input, SegmentCodecs.H264));
        var kept = await Report.TimeAsync("pipeline, codecs=keep (HEVC copied)", runs, () => runPipeline(input, SegmentCodecs.Keep));
        report.Ratio("codecs=keep / codecs=h264, HEVC", kept, reencoded, target: "<= 0.10", ok: kept / reencoded <= 0.10);
    }
}
