using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Storage;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.Core.Setup;

namespace VideoAspire.IntegrationTests.Video;

/// <summary>ffmpeg reads the input straight from a presigned S3 GET URL: no download step.</summary>
public sealed class VideoPipelineUrlInputTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private readonly string _bucket = AwsBackendFixture.UniqueName("pipeline-url");
    private readonly IAmazonS3 _s3 = backend.CreateS3();

    public async ValueTask InitializeAsync()
    {
        await new ResourceBootstrapper(_s3, backend.CreateDynamoDb(), NullLogger<ResourceBootstrapper>.Instance)
            .EnsureBucketAsync(_bucket, ["*"], TestContext.Current.CancellationToken);
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = "uploads/u1/v1/input.mp4",
            FilePath = await videos.H264Gop2Async(),
            UseChunkEncoding = backend.Connection.UseChunkEncoding,
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PresignedGetUrl_IsCutLikeALocalFile()
    {
        using var harness = new PipelineHarness();
        var url = await new PresignedUrls(_s3, backend.Connection, TimeProvider.System)
            .ForGetAsync(_bucket, "uploads/u1/v1/input.mp4", TimeSpan.FromMinutes(10));

        var result = await harness.RunAsync(url, CuttingOptions.Fixed(10), thumbnails: true);

        Assert.Equal(30, result.Media.Duration.TotalSeconds, 0.1);
        Assert.Equal(3, harness.Segments.Count);
        Assert.All(harness.Segments, s => Assert.NotNull(s.Thumbnail));
    }

    [Fact]
    public async Task PresignedGetUrl_OneChunk_IsCutFromItsPartOfTheInput()
    {
        using var harness = new PipelineHarness();
        var url = await new PresignedUrls(_s3, backend.Connection, TimeProvider.System)
            .ForGetAsync(_bucket, "uploads/u1/v1/input.mp4", TimeSpan.FromMinutes(10));

        var result = await harness.RunAsync(url, CuttingOptions.Fixed(5), OutputMode.Exact, chunk: new ChunkRequest(1, TimeSpan.FromSeconds(10)));

        Assert.Equal(3, result.ChunkCount);
        Assert.Equal([2, 3], harness.Segments.Select(s => s.Segment.Index));
        Assert.Equal([10, 15], harness.Segments.Select(s => s.Segment.Start.TotalSeconds));
        Assert.All(harness.Segments, s => Assert.Equal(5, s.Segment.Duration.TotalSeconds, 0.05));
    }

    [Fact]
    public async Task PresignedGetUrl_ForMissingObject_IsInputNotFoundWithoutTheUrl()
    {
        using var harness = new PipelineHarness();
        var url = await new PresignedUrls(_s3, backend.Connection, TimeProvider.System)
            .ForGetAsync(_bucket, "uploads/u1/v1/missing.mp4", TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAsync<MediaException>(() => harness.RunAsync(url, CuttingOptions.Fixed(10)));

        Assert.Equal(MediaErrorCode.InputNotFound, error.Code);
        Assert.DoesNotContain("X-Amz-Signature", error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        _s3.Dispose();
        return ValueTask.CompletedTask;
    }
}
