using Amazon.DynamoDBv2.Model;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>The codecs option and the per-stream encoding survive the table, and rows written before they existed still read.</summary>
public sealed class JobItemMapperTests
{
    [Fact]
    public void RoundTrip_KeepAndEncoding_AreReadBackAsWritten()
    {
        var encoding = new JobEncoding(StreamEncoding.Copied("hevc"), StreamEncoding.ReEncoded("pcm_s16le", "aac", "MP4 segments cannot keep pcm_s16le"));
        var job = NewJob(SegmentCodecs.Keep) with { Status = JobStatus.Completed, Encoding = encoding };

        var read = JobItemMapper.FromItem(JobItemMapper.ToItem(job));

        Assert.Equal(SegmentCodecs.Keep, read.Options.Codecs);
        Assert.Equal(encoding, read.Encoding);
        Assert.Contains("\"codecs\":\"keep\"", JobItemMapper.ToItem(job)[JobsTableSchema.Options].S, StringComparison.Ordinal);
    }

    [Fact]
    public void FromItem_RowWrittenBeforeTheCodecsOption_ReadsAsH264WithNoEncoding()
    {
        var item = JobItemMapper.ToItem(NewJob(SegmentCodecs.Keep) with { Status = JobStatus.Completed });
        item[JobsTableSchema.Options] = new AttributeValue(
            """{"cutting":{"mode":"fixed","segmentSeconds":10},"output":"copy","overlay":{"mode":"none"},"thumbnails":true}""");

        var read = JobItemMapper.FromItem(item);

        Assert.Equal(SegmentCodecs.H264, read.Options.Codecs);
        Assert.Equal(OutputMode.Copy, read.Options.Output);
        Assert.Null(read.Encoding);
    }

    private static Job NewJob(SegmentCodecs codecs) => new()
    {
        Id = new string('a', 32),
        UserId = "alice",
        SourceKey = "uploads/alice/x/source",
        Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: true, codecs),
        Method = ProcessingMethod.InProcess,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
