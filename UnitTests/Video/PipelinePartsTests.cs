using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Video;

public sealed class PipelinePartsTests
{
    [Fact]
    public void FfmpegProgress_ReportsRisingPercentagesAndEndsAt100()
    {
        var reported = new List<double>();
        var parser = new FfmpegProgress(TimeSpan.FromSeconds(20), new InlineProgress(reported.Add));

        foreach (var line in new[] { "frame=1", "out_time_us=5000000", "out_time_us=N/A", "out_time_us=4000000", "out_time_us=10000000", "progress=end" })
        {
            parser.OnLine(line);
        }

        Assert.Equal([25, 50, 100], reported);
    }

    [Fact]
    public void FfmpegProgress_WithAnOffset_CountsFromIt()
    {
        var reported = new List<double>();
        var parser = new FfmpegProgress(TimeSpan.FromSeconds(20), new InlineProgress(reported.Add)) { Offset = TimeSpan.FromSeconds(40) };

        foreach (var line in new[] { "out_time_us=39000000", "out_time_us=45000000", "out_time_us=50000000" })
        {
            parser.OnLine(line);
        }

        Assert.Equal([0, 25, 50], reported);
    }

    [Fact]
    public void SegmentListReader_ReturnsOnlyCompleteNewLines()
    {
        var file = Path.GetTempFileName();
        try
        {
            var reader = new SegmentListReader(file);
            File.WriteAllText(file, "segment-0000.mp4,0.000000,10.021354\nsegment-0001.mp4,10.02");
            var first = reader.ReadNew();
            File.WriteAllText(file, "segment-0000.mp4,0.000000,10.021354\nsegment-0001.mp4,10.021354,20.000000\n");
            var second = reader.ReadNew();

            Assert.Equal([new SegmentListEntry("segment-0000.mp4", TimeSpan.Zero, TimeSpan.FromSeconds(10.021354))], first);
            Assert.Equal("segment-0001.mp4", Assert.Single(second).FileName);
            Assert.Empty(reader.ReadNew());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
