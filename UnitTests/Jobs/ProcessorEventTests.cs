using System.Text;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Jobs;

public sealed class ProcessorEventTests
{
    [Fact]
    public void ForJob_RoundTripsThroughJson()
    {
        var job = new Job
        {
            Id = "0123456789abcdef0123456789abcdef",
            UserId = "alice",
            SourceKey = "uploads/alice/x/source",
            Options = new JobOptions(CuttingOptions.Random(3, 9, 42), OutputMode.Exact, TextOverlay.ForAll("hi"), true),
            Method = ProcessingMethod.Lambda,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var parsed = ProcessorEvent.Parse(ProcessorEvent.ForJob(job, "bucket", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").ToJson());

        Assert.Equal((1, "job", job.Id, "bucket", job.SourceKey), (parsed.Version, parsed.Kind, parsed.JobId, parsed.Bucket, parsed.Key));
        Assert.Equal(job.Options.Cutting, parsed.Options!.Cutting);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", parsed.Traceparent);
        Assert.Contains("\"output\":\"exact\"", Encoding.UTF8.GetString(ProcessorEvent.ForJob(job, "b", null).ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public void ForChunk_RoundTripsAsTheChunksWork()
    {
        var job = new Job
        {
            Id = "0123456789abcdef0123456789abcdef",
            UserId = "alice",
            SourceKey = "uploads/alice/x/source",
            Options = new JobOptions(CuttingOptions.Fixed(10), OutputMode.Exact, TextOverlay.None, false),
            Method = ProcessingMethod.Lambda,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Attempt = 2,
        };

        var parsed = ProcessorEvent.Parse(ProcessorEvent.ForChunk(job, 3, "bucket", null).ToJson());

        Assert.Equal(("chunk", 2, 3), (parsed.Kind, parsed.Attempt, parsed.Chunk));
        Assert.Equal(JobWork.ForChunk(job.Id, 2, 3), parsed.ToWork());
        Assert.Equal(job.Id + "#a2c3", parsed.ToWork().Key);
        Assert.Equal(job.Id, ProcessorEvent.Parse(ProcessorEvent.ForJob(job, "bucket", null).ToJson()).ToWork().Key);
    }

    [Fact]
    public void Parse_Ping_IsAccepted() => Assert.Equal("ping", ProcessorEvent.Parse("""{"version":1,"kind":"ping"}"""u8).Kind);

    [Theory]
    [InlineData("""{"version":2,"kind":"ping"}""", "Unsupported event version 2")]
    [InlineData("""{"version":1,"kind":"job"}""", "jobId")]
    [InlineData("""{"version":1,"kind":"job","jobId":"not-hex"}""", "jobId")]
    [InlineData("""{"version":1,"kind":"other"}""", "Unknown event kind 'other'")]
    [InlineData("""{"version":1,"kind":"chunk","jobId":"0123456789abcdef0123456789abcdef","attempt":1}""", "a chunk of at least 0")]
    [InlineData("""{"version":1,"kind":"chunk","jobId":"0123456789abcdef0123456789abcdef","attempt":0,"chunk":1}""", "an attempt of at least 1")]
    [InlineData("""{"version":1,"kind":"chunk","jobId":"0123456789abcdef0123456789abcdef","attempt":1,"chunk":-1}""", "a chunk of at least 0")]
    [InlineData("""{"version":1,"kind":"chunk","jobId":"../x","attempt":1,"chunk":0}""", "jobId of 32 hex")]
    [InlineData("""{"version":1,"kind":"job","options":{"output":"turbo"}}""", "not valid JSON")]
    [InlineData("""null""", "empty")]
    [InlineData("""[]""", "not valid JSON")]
    public void Parse_BadEvent_SaysWhatIsWrong(string json, string reason)
    {
        var error = Assert.Throws<InvalidEventException>(() => ProcessorEvent.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
