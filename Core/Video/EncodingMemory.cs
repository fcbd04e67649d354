namespace VideoAspire.Core.Video;

/// <summary>
/// Peak resident memory of a job that re-encodes (exact mode or overlays: ffmpeg decoding, drawing text and x264
/// veryfast encoding, plus this process), as measured by the Benchmarks "memory" mode on 2 cores (BENCHMARKS.md,
/// "Memory"): 398 MB at 1080p, 1084 MB at 4K, 3823 MB at 8K. It grows with the picture: about 170 MB plus
/// 110 MB per megapixel fits all three within 5 MB. Copying streams stays near 100-200 MB at any size.
/// With more cores (a function above about 3.5 GB) x264 runs more threads and needs somewhat more.
/// </summary>
public static class EncodingMemory
{
    public const int BaseMb = 170;

    public const int MbPerMegapixel = 110;

    /// <summary>Share of the memory a re-encode may be expected to use: the rest is headroom (upload buffers, page cache, estimate error).</summary>
    public const double UsableShare = 0.9;

    public static int EstimateMb(int width, int height) =>
        BaseMb + (int)Math.Ceiling(MbPerMegapixel * ((long)width * height) / 1_000_000.0);

    /// <summary>The function's memory in Lambda (AWS_LAMBDA_FUNCTION_MEMORY_SIZE), or null elsewhere.</summary>
    public static int? LambdaFunctionMemoryMb() =>
        int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), System.Globalization.CultureInfo.InvariantCulture, out var mb)
            ? mb
            : null;
}
