using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

/// <summary>The memory gate: a re-encode that would not fit the Processor's memory is refused from the probe.</summary>
public sealed class MediaLimitsMemoryTests
{
    private static readonly EncodingPlan Reencode = EncodingPlans.Of(copyVideo: false, copyAudio: false, hasAudio: true);
    private static readonly EncodingPlan Copy = EncodingPlans.Of(copyVideo: true, copyAudio: true, hasAudio: true);

    [Theory]
    [InlineData(1920, 1080, 398)]
    [InlineData(3840, 2160, 1084)]
    [InlineData(7680, 4320, 3823)]
    public void EstimateMb_IsWithinFivePercentOfTheMeasuredPeak(int width, int height, int measuredMb)
    {
        var estimate = EncodingMemory.EstimateMb(width, height);

        Assert.InRange(estimate, measuredMb * 0.95, measuredMb * 1.05);
    }

    [Fact]
    public void CheckMemory_8KReencodeIn3008Mb_IsLimitsExceededNamingTheMemory()
    {
        var limits = new MediaLimits { MemoryMb = 3008 };

        var error = Assert.Throws<MediaException>(() => limits.CheckMemory(Media(7680, 4320), Reencode));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains("7680x4320", error.Message, StringComparison.Ordinal);
        Assert.Contains("3008 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3840, 2160)]
    [InlineData(6144, 3456)]
    public void CheckMemory_UpTo6KReencodeIn3008Mb_Passes(int width, int height) =>
        new MediaLimits { MemoryMb = 3008 }.CheckMemory(Media(width, height), Reencode);

    [Fact]
    public void CheckMemory_8KCopy_PassesWhateverTheMemory() =>
        new MediaLimits { MemoryMb = 512 }.CheckMemory(Media(7680, 4320), Copy);

    [Fact]
    public void CheckMemory_NoMemoryLimit_Passes() =>
        new MediaLimits().CheckMemory(Media(7680, 4320), Reencode);

    [Fact]
    public void MemoryMb_FromConfiguration_IsBoundAndBelowTheMinimumFailsAtStart()
    {
        Assert.Equal(2048, Options("2048").Value.Limits.MemoryMb);
        var error = Assert.Throws<OptionsValidationException>(() => Options("64").Value);
        Assert.Contains("MemoryMb", error.Message, StringComparison.Ordinal);
    }

    private static IOptions<VideoOptions> Options(string memoryMb)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Video:Limits:MemoryMb", memoryMb)]).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddVideoPipeline().BuildServiceProvider();
        return services.GetRequiredService<IOptions<VideoOptions>>();
    }

    private static MediaInfo Media(int width, int height) =>
        new("mov,mp4", TimeSpan.FromSeconds(60), new VideoStreamInfo("h264", width, height, 30, 0, false), null, 1000);
}
