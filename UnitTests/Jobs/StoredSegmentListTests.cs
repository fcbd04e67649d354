using Amazon.DynamoDBv2.Model;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>The running attempt's stored segments as the job item holds them and as readers see them.</summary>
public sealed class StoredSegmentListTests
{
    [Fact]
    public void LatestPerIndex_RepeatedAndUnordered_OnePerIndexInIndexOrderTheLastWins()
    {
        var retried = Segment(1) with { SizeBytes = 7 };

        var read = StoredSegmentList.LatestPerIndex([Segment(2), Segment(1), Segment(0), retried]);

        Assert.Equal([Segment(0), retried, Segment(2)], read);
    }

    [Fact]
    public void FromItem_Processing_ReadsTheStoredList()
    {
        var item = JobItemMapper.ToItem(NewJob() with { Status = JobStatus.Processing });
        item[JobsTableSchema.StoredSegments] = StoredSegmentList.ToAttribute([Segment(1), Segment(0)]);

        var job = JobItemMapper.FromItem(item);

        Assert.Equal([Segment(0), Segment(1)], job.StoredSegments);
        Assert.Empty(job.Segments);
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    public void FromItem_NotProcessing_HasNoStoredSegments(JobStatus status)
    {
        var item = JobItemMapper.ToItem(NewJob() with { Status = status });
        item[JobsTableSchema.StoredSegments] = StoredSegmentList.ToAttribute([Segment(0)]); // left by a write that raced the end

        var job = JobItemMapper.FromItem(item);

        Assert.Empty(job.StoredSegments);
    }

    [Fact]
    public void FromItem_ProcessingWithoutTheList_HasNoStoredSegments()
    {
        var item = JobItemMapper.ToItem(NewJob() with { Status = JobStatus.Processing });

        Assert.False(item.ContainsKey(JobsTableSchema.StoredSegments));
        Assert.Empty(JobItemMapper.FromItem(item).StoredSegments);
    }

    [Fact]
    public void ToAttribute_IsAListOfOneSegmentJsonStrings()
    {
        var attribute = StoredSegmentList.ToAttribute([Segment(3)]);

        var element = Assert.Single(attribute.L);
        Assert.StartsWith("{\"index\":3,", element.S, StringComparison.Ordinal);
        Assert.Equal([Segment(3)], StoredSegmentList.FromAttribute(new AttributeValue { L = attribute.L }));
    }

    internal static JobSegment Segment(int index) =>
        new(index, index * 10, 10, 1000 + index, $"jobs/j/a1/segments/{index:D4}.mp4", $"jobs/j/a1/thumbnails/{index:D4}.jpg");

    internal static Job NewJob() => new()
    {
        Id = new string('a', 32),
        UserId = "alice",
        SourceKey = "uploads/alice/x/source",
        Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: true),
        Method = ProcessingMethod.InProcess,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
