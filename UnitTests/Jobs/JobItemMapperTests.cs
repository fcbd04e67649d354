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

    [Fact]
    public void FromItem_ChunkedJob_ProgressIsTheChunksWeightedByTheInputEachCovers()
    {
        var now = DateTimeOffset.UnixEpoch;
        var item = JobItemMapper.ToItem(NewJob(SegmentCodecs.H264) with { Status = JobStatus.Processing, Progress = 3 });
        item[JobsTableSchema.ChunkCount] = new AttributeValue { N = "3" };
        item[JobsTableSchema.ChunksDone] = new AttributeValue { N = "1" };
        item[JobsTableSchema.ChunkSeconds] = new AttributeValue { N = "10" };
        var done = JobItemMapper.ChunkToMap(0, 0, 10, now);
        done.M[JobsTableSchema.Status] = new AttributeValue(JobItemMapper.ChunkStatusName(ChunkStatus.Done));
        var half = JobItemMapper.ChunkToMap(1, 10, 10, now);
        half.M[JobsTableSchema.Progress] = new AttributeValue { N = "50" };
        item[JobsTableSchema.Chunks] = new AttributeValue
        {
            M = new() { ["c2"] = JobItemMapper.ChunkToMap(2, 20, 20, now), ["c0"] = done, ["c1"] = half },
        };

        var read = JobItemMapper.FromItem(item);

        // (100 x 10 + 50 x 10 + 0 x 20) / 40 s of input; the stored single-pass progress is not used.
        Assert.Equal(37.5, read.Progress);
        Assert.Equal((3, 1, 10.0), (read.ChunkCount, read.ChunksDone, read.ChunkSeconds));
        Assert.Equal([0, 1, 2], read.Chunks.Select(c => c.Index));
        Assert.Equal([ChunkStatus.Done, ChunkStatus.Queued, ChunkStatus.Queued], read.Chunks.Select(c => c.Status));
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
