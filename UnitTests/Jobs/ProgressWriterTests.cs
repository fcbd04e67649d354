using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>
/// Stored segments travel with the progress writes of <see cref="ProgressWriter"/>: once each, and a write that failed
/// keeps them for the next. DynamoDB is a recording stand-in; the interval is a few milliseconds.
/// </summary>
public sealed class ProgressWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stored_WriteSucceeds_SegmentGoesWithTheNextWriteOnly()
    {
        var (writes, writer) = Start(_ => Task.FromResult(new UpdateItemResponse()));

        writer.Stored(StoredSegmentListTests.Segment(0));
        await WaitForAsync(writes, w => w.Count >= 3 && w.Any(Carries));
        await writer.DisposeAsync();

        var carrying = Assert.Single(writes, Carries);
        Assert.Equal([0], StoredIndexes(carrying));
    }

    [Fact]
    public async Task Stored_WriteFails_SegmentGoesWithTheNextWrite()
    {
        var calls = 0;
        var (writes, writer) = Start(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<UpdateItemResponse>(new AmazonDynamoDBException("throttled") { StatusCode = HttpStatusCode.InternalServerError })
            : Task.FromResult(new UpdateItemResponse()));

        writer.Stored(StoredSegmentListTests.Segment(0));
        writer.Stored(StoredSegmentListTests.Segment(1));
        await WaitForAsync(writes, w => w.Count >= 3);
        await writer.DisposeAsync();

        Assert.Equal([0, 1], StoredIndexes(writes[0])); // the failed write
        Assert.Equal([0, 1], StoredIndexes(writes[1])); // the next one carries them again
        Assert.False(Carries(writes[2]));
        Assert.False(writer.IsLost);
    }

    [Fact]
    public async Task Stored_ChunkRun_GoesToTheChunksOwnList()
    {
        var job = StoredSegmentListTests.NewJob() with { Status = JobStatus.Processing, Attempt = 1, ChunkCount = 2, ChunkSeconds = 300 };
        var chunk = new JobChunk { Index = 1, Status = ChunkStatus.Processing, Attempt = 1, StartSeconds = 300, DurationSeconds = 300, UpdatedAt = DateTimeOffset.UnixEpoch };
        var (writes, writer) = Start(_ => Task.FromResult(new UpdateItemResponse()), new ChunkClaim(job, chunk));

        writer.Stored(StoredSegmentListTests.Segment(30));
        await WaitForAsync(writes, w => w.Any(Carries));
        await writer.DisposeAsync();

        // In the chunk's map, which every change of hands empties: the job's own list could not drop a retried chunk's entries.
        var carrying = Assert.Single(writes, Carries);
        Assert.Equal([30], StoredIndexes(carrying));
        Assert.Contains("#chunks.#c.#stored = list_append(", carrying.UpdateExpression, StringComparison.Ordinal);
        Assert.Equal("c1", carrying.ExpressionAttributeNames["#c"]);
    }

    private static (List<UpdateItemRequest> Writes, ProgressWriter Writer) Start(
        Func<UpdateItemRequest, Task<UpdateItemResponse>> answer, WorkClaim? claim = null)
    {
        var (client, recorder) = RecordingClient.For<IAmazonDynamoDB>();
        var writes = new List<UpdateItemRequest>();
        recorder.Answer = (method, arguments) =>
        {
            var request = (UpdateItemRequest)arguments[0]!;
            lock (writes)
            {
                writes.Add(request);
            }

            return answer(request);
        };
        var store = new JobStore(client, Options.Create(new StorageOptions { BucketName = "b", JobsTableName = "t" }),
            Options.Create(new JobRecoveryOptions()), TimeProvider.System);
        claim ??= new AttemptClaim(StoredSegmentListTests.NewJob() with { Status = JobStatus.Processing, Attempt = 1 });
        var writer = new ProgressWriter(store, claim, TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance);
        return (writes, writer);
    }

    private static bool Carries(UpdateItemRequest write) => write.ExpressionAttributeValues.ContainsKey(":stored");

    private static int[] StoredIndexes(UpdateItemRequest write) =>
        [.. StoredSegmentList.FromAttribute(write.ExpressionAttributeValues[":stored"]).Select(s => s.Index)];

    private static async Task WaitForAsync(List<UpdateItemRequest> writes, Func<List<UpdateItemRequest>, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Snapshot(writes, done))
        {
            Assert.True(waited.Elapsed < Patience, "The writer stopped writing.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private static bool Snapshot(List<UpdateItemRequest> writes, Func<List<UpdateItemRequest>, bool> done)
    {
        lock (writes)
        {
            return done(writes);
        }
    }
}
