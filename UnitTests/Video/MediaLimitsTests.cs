using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

public sealed class MediaLimitsTests
{
    private static MediaInfo Media(double seconds = 60, int width = 1920, int height = 1080, double fps = 30, int streams = 2) =>
        new("mov,mp4", TimeSpan.FromSeconds(seconds), new VideoStreamInfo("h264", width, height, fps, 0, false), null, 1000) { StreamCount = streams };

    [Fact]
    public void Check_TypicalVideo_Passes()
    {
        new MediaLimits().Check(Media());
    }

    [Theory]
    [InlineData(5 * 3600, 1920, 1080, 30, 2, "lasts 18000 s")]
    [InlineData(60, 9000, 100, 30, 2, "9000x100")]
    [InlineData(60, 8000, 8000, 30, 2, "pixels a frame")]
    [InlineData(60, 1920, 1080, 1000, 2, "1000 frames per second")]
    [InlineData(60, 1920, 1080, 30, 40, "40 streams")]
    public void Check_OverALimit_IsLimitsExceededNamingIt(double seconds, int width, int height, double fps, int streams, string named)
    {
        var error = Assert.Throws<MediaException>(() => new MediaLimits().Check(Media(seconds, width, height, fps, streams)));

        Assert.Equal(MediaErrorCode.LimitsExceeded, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_GrowsWithDuration_AndIsLargerForReencoding()
    {
        var limits = new MediaLimits();

        var copy = limits.Budget(TimeSpan.FromMinutes(10), EncodingPlans.Of(copyVideo: true, copyAudio: true, hasAudio: true));
        var encode = limits.Budget(TimeSpan.FromMinutes(10), EncodingPlans.Of(copyVideo: false, copyAudio: true, hasAudio: true));

        Assert.Equal(TimeSpan.FromMinutes(1) + TimeSpan.FromMinutes(5), copy);
        Assert.Equal(TimeSpan.FromMinutes(1) + TimeSpan.FromMinutes(50), encode);
    }
}

public sealed class MediaLimitsOptionsTests
{
    [Theory]
    [InlineData("Video:Limits:MaxStreams", "0")]
    [InlineData("Video:Limits:MaxDurationSeconds", "-5")]
    [InlineData("Video:Limits:EncodeSecondsPerInputSecond", "0")]
    public void Limits_OutOfRange_FailValidationAtStart(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddVideoPipeline().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VideoOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
