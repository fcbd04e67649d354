using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// GET /api/uploads/multipart/{uploadId}/parts: the stored parts of the caller's own multipart upload, what a
/// client resumes from. On the embedded S3 this also proves tools/local-aws/multipart.js's ListParts, which the
/// AWS SDK parses (s3rver has none of its own).
/// </summary>
public sealed class UploadedPartsTests(AwsBackendFixture backend) : IAsyncDisposable
{
    private const int PartSize = 5 * 1024 * 1024; // ApiFactory's Uploads:PartSizeBytes
    private static readonly HttpClient Browser = new();
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("parts"), AwsBackendFixture.UniqueName("parts"));

    [Fact]
    public async Task ListParts_TwoPartsStored_ListsTheirNumbersSizesAndETags()
    {
        using var alice = _api.ClientFor("alice");
        var bytes = RandomNumberGenerator.GetBytes((2 * PartSize) + 1000); // parts of 5 MiB, 5 MiB and 1000 bytes
        var upload = await StartAsync(alice, bytes.Length);
        var first = await PutPartAsync(upload, bytes, 1);
        var last = await PutPartAsync(upload, bytes, 3);

        var parts = await ListAsync(alice, upload);

        Assert.Collection(parts,
            p => Assert.Equal((1, (long)PartSize, first), (p.PartNumber, p.SizeBytes, p.ETag)),
            p => Assert.Equal((3, 1000L, last), (p.PartNumber, p.SizeBytes, p.ETag)));
    }

    [Fact]
    public async Task ListParts_ThenTheMissingPart_CompletesWithTheListedETags()
    {
        using var alice = _api.ClientFor("alice");
        var bytes = RandomNumberGenerator.GetBytes(PartSize + 1000);
        var upload = await StartAsync(alice, bytes.Length);
        await PutPartAsync(upload, bytes, 1);

        var stored = await ListAsync(alice, upload); // as a page resuming after a reload: it knows no ETag of its own
        var second = await PutPartAsync(upload, bytes, 2);
        using var complete = await alice.PostAsJsonAsync($"/api/uploads/multipart/{upload.UploadId}/complete", new
        {
            multipartUploadId = upload.MultipartUploadId,
            parts = stored.Select(p => new { partNumber = p.PartNumber, eTag = p.ETag }).Append(new { partNumber = 2, eTag = second }),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal(bytes.Length, (await complete.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task ListParts_NothingStoredYet_IsEmpty()
    {
        using var alice = _api.ClientFor("alice");
        var upload = await StartAsync(alice, PartSize + 1);

        Assert.Empty(await ListAsync(alice, upload));
    }

    [Fact]
    public async Task ListParts_AnotherUsersUpload_Returns404()
    {
        using var alice = _api.ClientFor("alice");
        using var bob = _api.ClientFor("bob");
        var bytes = RandomNumberGenerator.GetBytes(PartSize + 1);
        var upload = await StartAsync(alice, bytes.Length);
        await PutPartAsync(upload, bytes, 1);

        using var response = await bob.GetAsync(PartsUri(upload), TestContext.Current.CancellationToken);

        await AssertUploadNotFoundAsync(response);
    }

    [Theory]
    [InlineData("unknown-multipart-id")]
    [InlineData("")]
    public async Task ListParts_UnknownOrMissingMultipartId_Returns404(string multipartUploadId)
    {
        using var alice = _api.ClientFor("alice");
        var upload = await StartAsync(alice, PartSize + 1);

        using var response = await alice.GetAsync(PartsUri(upload with { MultipartUploadId = multipartUploadId }), TestContext.Current.CancellationToken);

        await AssertUploadNotFoundAsync(response);
    }

    [Fact]
    public async Task ListParts_AnAbortedUpload_Returns404()
    {
        using var alice = _api.ClientFor("alice");
        var upload = await StartAsync(alice, PartSize + 1);
        using var abort = await alice.DeleteAsync(
            new Uri($"/api/uploads/multipart/{upload.UploadId}?multipartUploadId={Uri.EscapeDataString(upload.MultipartUploadId)}", UriKind.Relative),
            TestContext.Current.CancellationToken);

        using var response = await alice.GetAsync(PartsUri(upload), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, abort.StatusCode);
        await AssertUploadNotFoundAsync(response);
    }

    /// <summary>S3's paging as the SDK reads it: max-parts cuts the page, NextPartNumberMarker starts the next.</summary>
    [Fact]
    public async Task S3ListParts_PagedByMaxParts_ContinuesAfterTheMarker()
    {
        var ct = TestContext.Current.CancellationToken;
        using var alice = _api.ClientFor("alice");
        var bytes = RandomNumberGenerator.GetBytes((2 * PartSize) + 1);
        var upload = await StartAsync(alice, bytes.Length);
        foreach (var number in new[] { 1, 2, 3 })
        {
            await PutPartAsync(upload, bytes, number);
        }

        using var s3 = backend.CreateS3();
        var firstPage = await s3.ListPartsAsync(new ListPartsRequest { BucketName = _api.Bucket, Key = upload.Key, UploadId = upload.MultipartUploadId, MaxParts = 2 }, ct);
        var secondPage = await s3.ListPartsAsync(new ListPartsRequest
        {
            BucketName = _api.Bucket, Key = upload.Key, UploadId = upload.MultipartUploadId, MaxParts = 2,
            PartNumberMarker = firstPage.NextPartNumberMarker?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);

        Assert.True(firstPage.IsTruncated);
        Assert.Equal([1, 2], firstPage.Parts.Select(p => p.PartNumber ?? 0));
        Assert.Equal(2, firstPage.NextPartNumberMarker);
        Assert.NotEqual(true, secondPage.IsTruncated);
        Assert.Equal(3, Assert.Single(secondPage.Parts).PartNumber);
        Assert.Equal(1, Assert.Single(secondPage.Parts).Size);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static async Task<Upload> StartAsync(HttpClient client, long size)
    {
        using var response = await client.PostAsJsonAsync("/api/uploads/multipart",
            new { fileName = "big.mp4", contentType = "video/mp4", sizeBytes = size }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var urls = body.GetProperty("parts").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partNumber").GetInt32(), p => p.GetProperty("url").GetString()!);
        return new Upload(body.GetProperty("uploadId").GetString()!, body.GetProperty("key").GetString()!,
            body.GetProperty("multipartUploadId").GetString()!, urls);
    }

    /// <summary>PUTs one part to its presigned URL as a browser does; returns the ETag S3 answered.</summary>
    private static async Task<string> PutPartAsync(Upload upload, byte[] bytes, int number)
    {
        var offset = (number - 1) * PartSize;
        using var body = new ByteArrayContent(bytes, offset, Math.Min(PartSize, bytes.Length - offset));
        using var put = await Browser.PutAsync(new Uri(upload.PartUrls[number]), body, TestContext.Current.CancellationToken);
        put.EnsureSuccessStatusCode();
        return put.Headers.ETag!.Tag;
    }

    private static async Task<IReadOnlyList<ListedPart>> ListAsync(HttpClient client, Upload upload)
    {
        using var response = await client.GetAsync(PartsUri(upload), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return [.. body.GetProperty("parts").EnumerateArray().Select(p => new ListedPart(
            p.GetProperty("partNumber").GetInt32(), p.GetProperty("sizeBytes").GetInt64(), p.GetProperty("eTag").GetString()!))];
    }

    private static Uri PartsUri(Upload upload) =>
        new($"/api/uploads/multipart/{upload.UploadId}/parts?multipartUploadId={Uri.EscapeDataString(upload.MultipartUploadId)}", UriKind.Relative);

    private static async Task AssertUploadNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("upload_not_found", problem.GetProperty("code").GetString());
    }

    private sealed record Upload(string UploadId, string Key, string MultipartUploadId, IReadOnlyDictionary<int, string> PartUrls);

    private sealed record ListedPart(int PartNumber, long SizeBytes, string ETag);
}
