using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Processes;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>The one mapper from a boundary's exception to the job's error code, message and transience.</summary>
public sealed class JobErrorsTests
{
    [Theory]
    [InlineData("s3 unavailable", "storage_error", "The object store (S3) failed: Storing 'jobs/a/0001.mp4' failed", true, false)]
    [InlineData("s3 access denied", "storage_error", "The object store (S3) failed: Storing 'jobs/a/0001.mp4' failed", false, false)]
    [InlineData("dynamodb throttled", "table_error", "The jobs table (DynamoDB) failed: Updating job a failed", true, false)]
    [InlineData("dynamodb table missing", "table_error", "The jobs table (DynamoDB) failed: Updating job a failed", false, false)]
    [InlineData("lambda throttled", "dispatch_failed", "Invoking the Processor function failed: Lambda refused", true, false)]
    [InlineData("lambda forbidden", "dispatch_failed", "Invoking the Processor function failed: Lambda refused", false, false)]
    [InlineData("disk full", "disk_full", "The disk where the job ran is full", true, false)]
    [InlineData("ffmpeg out of room", "disk_full", "The disk where the job ran is full: ffmpeg could not write its output", true, false)]
    [InlineData("work directory missing", "disk_error", "A temporary file could not be written or read", false, false)]
    [InlineData("playlist", "unsupported_container", "The input is an HLS playlist", false, true)]
    [InlineData("too long", "limits_exceeded", "The video is over this service's limits", false, true)]
    [InlineData("plan", "plan_refused", "Too many segments", false, true)]
    [InlineData("no ffmpeg", "tool_unavailable", "The video tools (ffmpeg/ffprobe) are not available", false, false)]
    [InlineData("unwrapped sdk error", "internal_error", "An unexpected error stopped the job", false, false)]
    [InlineData("bug", "internal_error", "An unexpected error stopped the job", false, false)]
    public void Map_Failure_GivesItsCodeAMessageTrueToItsCauseAndItsTransience(
        string failure, string code, string message, bool transient, bool expected)
    {
        var mapped = JobErrors.Map(Failure(failure));

        Assert.Equal((code, transient, expected), (mapped.Error.Code, mapped.IsTransient, mapped.IsExpected));
        Assert.StartsWith(message, mapped.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_DynamoDbFailure_DoesNotReadAsStoringTheResults()
    {
        var mapped = JobErrors.Map(Failure("dynamodb throttled"));

        Assert.DoesNotContain("Storing", mapped.Error.Message, StringComparison.Ordinal);
        Assert.NotEqual("storage_error", mapped.Error.Code);
    }

    private static Exception Failure(string name) => name switch
    {
        "s3 unavailable" => Stored(Aws(HttpStatusCode.ServiceUnavailable, "SlowDown")),
        "s3 access denied" => Stored(Aws(HttpStatusCode.Forbidden, "AccessDenied")),
        "dynamodb throttled" => Table(Aws(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException")),
        "dynamodb table missing" => Table(new ResourceNotFoundException("Requested resource not found") { StatusCode = HttpStatusCode.BadRequest }),
        "lambda throttled" => Invoke(HttpStatusCode.TooManyRequests),
        "lambda forbidden" => Invoke(HttpStatusCode.Forbidden),
        "disk full" => WriteToAFullDisk(),
        "ffmpeg out of room" => LocalDiskException.FromFfmpeg(new ProcessFailedException("ffmpeg", 1,
            "frame=  120 fps=0.0\n[mp4 @ 0x1] av_interleaved_write_frame(): No space left on device\nError muxing a packet\n"))!,
        "work directory missing" => ReadAMissingDirectory(),
        "playlist" => new MediaException(MediaErrorCode.UnsupportedContainer, "The input is an HLS playlist, not a video file."),
        "too long" => new MediaException(MediaErrorCode.LimitsExceeded, "The video is over this service's limits: 5 h is longer than 4 h."),
        "plan" => new SegmentPlanException("Too many segments: 20000 is more than 10000."),
        "no ffmpeg" => new ToolNotFoundException("ffmpeg was not found."),
        "unwrapped sdk error" => Aws(HttpStatusCode.ServiceUnavailable, "SlowDown"),
        "bug" => new InvalidOperationException("a bug"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such failure in this table"),
    };

    private static AmazonServiceException Aws(HttpStatusCode status, string errorCode) =>
        new($"{errorCode} from the service", ErrorType.Sender, errorCode, "request-1", status);

    // As ObjectStore, JobStore and LambdaInvoker throw them.
    private static StorageException Stored(Exception inner) =>
        new($"Storing 'jobs/a/0001.mp4' failed: {inner.Message}", AwsFailures.IsTransient(inner), inner);

    private static TableException Table(Exception inner) => new($"Updating job a failed: {inner.Message}", AwsFailures.IsTransient(inner), inner);

    private static LambdaInvokeException Invoke(HttpStatusCode status) =>
        new($"Lambda refused the event: {(int)status}", LambdaInvokeException.IsTransientStatus(status));

    /// <summary>A real full disk: /dev/full refuses every write with ENOSPC.</summary>
    private static IOException WriteToAFullDisk()
    {
        try
        {
            File.WriteAllBytes("/dev/full", new byte[1]);
        }
        catch (IOException e)
        {
            return e;
        }

        throw new InvalidOperationException("/dev/full accepted a write");
    }

    private static IOException ReadAMissingDirectory()
    {
        try
        {
            _ = Directory.GetFiles(Path.Combine(Path.GetTempPath(), "videoaspire-missing-" + Guid.NewGuid().ToString("N")));
        }
        catch (IOException e)
        {
            return e;
        }

        throw new InvalidOperationException("a missing directory was listed");
    }
}
