using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Api.Jobs;
using VideoAspire.Api.Processing;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>
/// The rules of <see cref="JobSubmission"/>, wired as the Api wires it, with recording stand-ins for S3 and DynamoDB:
/// what is refused, with which status, code and message, and that a refused request writes nothing.
/// </summary>
public sealed class JobSubmissionTests : IDisposable
{
    private const string User = "alice";
    private static readonly string UploadId = StorageLayout.NewId();
    private readonly (IAmazonS3 Client, RecordingClient Recorder) _s3 = RecordingClient.For<IAmazonS3>();
    private readonly (IAmazonDynamoDB Client, RecordingClient Recorder) _dynamoDb = RecordingClient.For<IAmazonDynamoDB>();
    private readonly ServiceProvider _services;

    public JobSubmissionTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "eu-west-1", // the SDK's region lookup must not depend on this machine
            ["Storage:BucketName"] = "unit-bucket",
            ["Storage:JobsTableName"] = "unit-jobs",
            ["Uploads:MaxUploadBytes"] = "5000",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddMetrics()
            .AddSingleton(_s3.Client).AddSingleton(_dynamoDb.Client);
        services.AddUploads().AddJobsApi().AddProcessing(configuration);
        _services = services.BuildServiceProvider();
    }

    private JobSubmission Submission => _services.GetRequiredService<JobSubmission>();

    [Fact]
    public async Task Submit_InvalidOptions_IsFieldErrorsAndTouchesNoStorage()
    {
        var request = new CreateJobRequest(UploadId, CuttingOptions.Fixed(0), (OutputMode)7, TextOverlay.ForAll("a\u0007b"));

        var result = await Submission.SubmitAsync(User, request, TestContext.Current.CancellationToken);

        Assert.Null(result.Value);
        Assert.Equal(["cutting.segmentSeconds", "output", "overlay.text"], result.Invalid!.ProblemDetails.Errors.Keys.Order());
        Assert.Equal("validation_failed", result.Invalid.ProblemDetails.Extensions["code"]);
        Assert.Empty(_s3.Recorder.Calls);
        Assert.Empty(_dynamoDb.Recorder.Calls);
    }

    [Theory]
    [InlineData("hevc")]
    [InlineData("")]
    [InlineData("1")]
    public async Task Submit_UnknownCodecs_IsAFieldErrorNamedCodecs(string codecs)
    {
        var request = new CreateJobRequest(UploadId, Codecs: codecs);

        var result = await Submission.SubmitAsync(User, request, TestContext.Current.CancellationToken);

        Assert.Equal(["codecs"], result.Invalid!.ProblemDetails.Errors.Keys);
        Assert.Equal("validation_failed", result.Invalid.ProblemDetails.Extensions["code"]);
        Assert.Empty(_s3.Recorder.Calls);
    }

    [Theory]
    [InlineData(null, SegmentCodecs.H264)]
    [InlineData("h264", SegmentCodecs.H264)]
    [InlineData("keep", SegmentCodecs.Keep)]
    [InlineData("Keep", SegmentCodecs.Keep)]
    public async Task Submit_Codecs_IsStoredOnTheJob(string? codecs, SegmentCodecs stored)
    {
        StoredUploadIs(1000, 1000);
        _dynamoDb.Recorder.Answer = (_, _) => Task.FromResult(new PutItemResponse());

        var result = await Submission.SubmitAsync(User, new CreateJobRequest(UploadId, Codecs: codecs), TestContext.Current.CancellationToken);

        Assert.Equal(stored, result.Value!.Options.Codecs);
    }

    [Fact]
    public async Task Submit_NoSuchUploadForTheCaller_Is404UploadNotFoundAndWritesNoJob()
    {
        _s3.Recorder.Answer = (_, _) => Task.FromException<GetObjectMetadataResponse>(
            new AmazonS3Exception("Not Found") { StatusCode = HttpStatusCode.NotFound });

        var result = await Submission.SubmitAsync(User, new CreateJobRequest(UploadId), TestContext.Current.CancellationToken);

        AssertProblem(result.Refused, 404, "upload_not_found", $"No uploaded video '{UploadId}' was found for this caller.");
        var (method, arguments) = Assert.Single(_s3.Recorder.Calls);
        Assert.Equal((nameof(IAmazonS3.GetObjectMetadataAsync), "unit-bucket", $"uploads/{User}/{UploadId}/source"),
            (method, arguments[0], arguments[1])); // looked up under the caller's own prefix only
        Assert.Empty(_dynamoDb.Recorder.Calls);
    }

    [Theory]
    [InlineData(1000L, null, "The upload carries no declared size: send the file with the headers the upload answer listed (x-amz-meta-declared-size).")]
    [InlineData(1200L, 1000L, "The upload has 1200 bytes but 1000 were declared; upload the file again.")]
    [InlineData(6000L, 6000L, "The uploaded video has 6000 bytes; at most 5000 are accepted.")]
    public async Task Submit_UploadNotAsDeclared_Is400UploadRefusedAndWritesNoJob(long stored, long? declared, string message)
    {
        StoredUploadIs(stored, declared);

        var result = await Submission.SubmitAsync(User, new CreateJobRequest(UploadId), TestContext.Current.CancellationToken);

        AssertProblem(result.Refused, 400, "upload_refused", message);
        Assert.Empty(_dynamoDb.Recorder.Calls);
    }

    [Fact]
    public async Task Submit_UsableUpload_WritesAQueuedJobWithTheDefaultsAndQueuesItHere()
    {
        StoredUploadIs(1000, 1000);
        _dynamoDb.Recorder.Answer = (_, _) => Task.FromResult(new PutItemResponse());

        var result = await Submission.SubmitAsync(User, new CreateJobRequest(UploadId), TestContext.Current.CancellationToken);

        var job = Assert.IsType<Job>(result.Value);
        Assert.Equal(new JobOptions(CuttingOptions.Fixed(10), OutputMode.Copy, TextOverlay.None, Thumbnails: true), job.Options);
        Assert.Equal((JobStatus.Queued, ProcessingMethod.InProcess, $"uploads/{User}/{UploadId}/source"), (job.Status, job.Method, job.SourceKey));
        var (method, arguments) = Assert.Single(_dynamoDb.Recorder.Calls);
        Assert.Equal(nameof(IAmazonDynamoDB.PutItemAsync), method);
        Assert.Equal(job.Id, ((PutItemRequest)arguments[0]!).Item[JobsTableSchema.JobId].S);
        Assert.True(_services.GetRequiredService<InProcessQueue>().IsWaiting(job.Id));
    }

    [Fact]
    public async Task CheckUpload_ForAnalyze_ValidatesTheCuttingOptionsFirst()
    {
        var result = await Submission.CheckUploadAsync(User, UploadId, CuttingOptions.Random(8, 4, seed: 1), TestContext.Current.CancellationToken);

        Assert.Equal(["cutting.maxSeconds"], result.Invalid!.ProblemDetails.Errors.Keys);
        Assert.Empty(_s3.Recorder.Calls);
    }

    [Fact]
    public async Task CheckUpload_UsableUpload_IsItsKey()
    {
        StoredUploadIs(1000, 1000);

        var result = await Submission.CheckUploadAsync(User, UploadId, JobRequestDefaults.Cutting(null), TestContext.Current.CancellationToken);

        Assert.Equal($"uploads/{User}/{UploadId}/source", result.Value);
    }

    public void Dispose() => _services.Dispose();

    private void StoredUploadIs(long sizeBytes, long? declaredSizeBytes) => _s3.Recorder.Answer = (_, _) =>
    {
        var response = new GetObjectMetadataResponse { ContentLength = sizeBytes };
        if (declaredSizeBytes is { } declared)
        {
            response.Metadata.Add(UploadMetadata.DeclaredSize, UploadMetadata.Format(declared));
        }

        return Task.FromResult(response);
    };

    private static void AssertProblem(ProblemHttpResult? problem, int status, string code, string detail)
    {
        Assert.NotNull(problem);
        Assert.Equal((status, code, detail), (problem.StatusCode, problem.ProblemDetails.Extensions["code"], problem.ProblemDetails.Detail));
    }
}
