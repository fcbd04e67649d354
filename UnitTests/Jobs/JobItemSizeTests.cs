using System.Text;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>The largest job the request bounds allow still fits its DynamoDB item (400 KB) and its Lambda event (256 KB async).</summary>
public sealed class JobItemSizeTests
{
    private const int DynamoDbItemLimit = 400 * 1024;
    private const int LambdaAsyncPayloadLimit = 256 * 1024;

    [Fact]
    public void LargestAllowedJob_Completed_StaysWellUnderTheItemLimit()
    {
        var job = LargestAllowedJob() with
        {
            Status = JobStatus.Completed,
            Segments = [.. Enumerable.Range(0, CuttingOptions.MaximumSegmentLimit).Select(i => new JobSegment(
                i, (i * 14.399) + 0.1, 14.399 + 0.1, 20_000_000_000, StorageLayout.SegmentKey(new string('f', 32), 10, i), StorageLayout.ThumbnailKey(new string('f', 32), 10, i)))],
            Error = new JobError("internal_error", new string('m', 1000)),
            LastError = new JobError("storage_error", new string('m', 1000)),
            Attempt = 10,
        };

        var size = JobItemMapper.ToItem(job).Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.S ?? a.Value.N ?? ""));

        // Room to spare: a 1,000-segment job's segment list alone takes about 240 KB.
        Assert.InRange(size, 1, DynamoDbItemLimit * 4 / 5);
    }

    [Fact]
    public void LargestAllowedJob_ProcessingWithEverySegmentStored_StaysWellUnderTheItemLimit()
    {
        var job = LargestAllowedJob() with { Status = JobStatus.Processing, Attempt = 10 };
        var stored = StoredSegmentList.ToAttribute(Enumerable.Range(0, CuttingOptions.MaximumSegmentLimit).Select(i => new JobSegment(
            i, (i * 14.399) + 0.1, 14.399 + 0.1, 20_000_000_000, StorageLayout.SegmentKey(new string('f', 32), 10, i), StorageLayout.ThumbnailKey(new string('f', 32), 10, i))));

        var size = JobItemMapper.ToItem(job).Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.S ?? a.Value.N ?? ""))
            + Encoding.UTF8.GetByteCount(JobsTableSchema.StoredSegments) + 3 + stored.L.Sum(e => 1 + Encoding.UTF8.GetByteCount(e.S)); // a list: 3 bytes, 1 per element

        // About 305 KiB: each index stored once. A retried chunk appends its few segments again; the hard limit (400 KiB)
        // leaves room for about 400 repeated entries.
        Assert.InRange(size, 1, DynamoDbItemLimit * 4 / 5);
    }

    [Fact]
    public void LargestAllowedJob_FitsAnAsynchronousLambdaInvoke()
    {
        var json = ProcessorEvent.ForJob(LargestAllowedJob(), new string('b', 63), "00-" + new string('0', 32) + "-" + new string('0', 16) + "-01").ToJson();

        Assert.InRange(json.Length, 1, LambdaAsyncPayloadLimit / 2);
    }

    /// <summary>One text per segment of the largest plan, up to the total cap, in characters JSON stores as \uXXXX (6 bytes each).</summary>
    private static Job LargestAllowedJob()
    {
        var perText = TextOverlay.MaxTotalTextLength / CuttingOptions.MaximumSegmentLimit;
        var overlay = TextOverlay.PerSegment([.. Enumerable.Repeat(new string('é', perText), CuttingOptions.MaximumSegmentLimit)]);
        var cutting = CuttingOptions.Fixed(1) with { MaxSegments = CuttingOptions.MaximumSegmentLimit };
        Assert.Empty(overlay.Validate(cutting.MaxSegments));
        return new Job
        {
            Id = new string('f', 32),
            UserId = new string('u', 64),
            SourceKey = StorageLayout.UploadKey(new string('u', 64), new string('f', 32)),
            Options = new JobOptions(cutting, OutputMode.Exact, overlay, Thumbnails: true),
            Method = ProcessingMethod.Lambda,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
    }
}
