using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Security;

/// <summary>
/// Uploads bound to what was declared: the presigned PUT signs Content-Length and the declared size, part URLs
/// sign each part's length, and job creation refuses an object whose size is not the declared one. The embedded
/// S3 checks signatures (403 for another length); LocalStack skips them by default, so there the job-creation
/// check is the one that stops a bigger body.
/// </summary>
public sealed class UploadBoundsTests(AwsBackendFixture backend) : IAsyncDisposable
{
    private static readonly HttpClient Browser = new();
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("bounds"), AwsBackendFixture.UniqueName("bounds"));

    [Fact]
    public async Task PresignedPut_SignsContentLengthAndTheDeclaredSize()
    {
        using var alice = _api.ClientFor("alice");

        var upload = await StartAsync(alice, 1000);

        var signed = SignedHeaders(upload.GetProperty("url").GetString()!);
        Assert.Contains("content-length", signed);
        Assert.Contains(UploadMetadata.DeclaredSizeHeader, signed);
        Assert.Equal("1000", upload.GetProperty("headers").GetProperty(UploadMetadata.DeclaredSizeHeader).GetString());
    }

    [Fact]
    public async Task BodyBiggerThanDeclared_IsRefusedByStorageOrAtJobCreation()
    {
        using var mallory = _api.ClientFor("mallory");
        var upload = await StartAsync(mallory, 1000);
        var uploadId = upload.GetProperty("uploadId").GetString()!;

        using var put = await PutAsync(upload, new byte[5 * 1024 * 1024], sendDeclaredSize: true);
        using var job = await mallory.PostAsJsonAsync("/api/jobs", new { uploadId }, TestContext.Current.CancellationToken);
        using var analyze = await mallory.PostAsJsonAsync("/api/videos/analyze", new { uploadId }, TestContext.Current.CancellationToken);

        if (put.IsSuccessStatusCode)
        {
            // Stored by a backend that checks no signature (LocalStack by default): the Api must refuse to use it.
            await AssertRefusedAsync(job, "5242880 bytes but 1000 were declared");
            await AssertRefusedAsync(analyze, "5242880 bytes but 1000 were declared");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode); // S3, embedded S3: the signed Content-Length does not match
        }
    }

    [Fact]
    public async Task PutWithoutTheDeclaredSizeHeader_IsRefusedAtJobCreation()
    {
        using var mallory = _api.ClientFor("mallory");
        var upload = await StartAsync(mallory, 1000);

        using var put = await PutAsync(upload, new byte[1000], sendDeclaredSize: false);
        using var job = await mallory.PostAsJsonAsync("/api/jobs", new { uploadId = upload.GetProperty("uploadId").GetString() },
            TestContext.Current.CancellationToken);

        if (put.IsSuccessStatusCode)
        {
            await AssertRefusedAsync(job, "no declared size");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }
    }

    [Fact]
    public async Task MultipartPartUrls_AreBoundToEachPartsLength()
    {
        using var alice = _api.ClientFor("alice");
        const long size = (5 * 1024 * 1024 * 2) + 123; // two whole 5 MiB parts and a small last one
        using var start = await alice.PostAsJsonAsync("/api/uploads/multipart",
            new { fileName = "big.mp4", contentType = "video/mp4", sizeBytes = size }, TestContext.Current.CancellationToken);
        var upload = await start.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var multipartUploadId = upload.GetProperty("multipartUploadId").GetString();
        var uploadId = upload.GetProperty("uploadId").GetString();

        using var more = await alice.PostAsJsonAsync($"/api/uploads/multipart/{uploadId}/parts",
            new PartsRequest(multipartUploadId, [3], size), TestContext.Current.CancellationToken);
        using var beyond = await alice.PostAsJsonAsync($"/api/uploads/multipart/{uploadId}/parts",
            new PartsRequest(multipartUploadId, [4], size), TestContext.Current.CancellationToken);

        Assert.Equal(3, upload.GetProperty("partCount").GetInt32());
        Assert.All(upload.GetProperty("parts").EnumerateArray(), p => Assert.Contains("content-length", SignedHeaders(p.GetProperty("url").GetString()!)));
        var part = Assert.Single((await more.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("parts").EnumerateArray());
        Assert.Contains("content-length", SignedHeaders(part.GetProperty("url").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static async Task<JsonElement> StartAsync(HttpClient client, long size)
    {
        using var response = await client.PostAsJsonAsync("/api/uploads",
            new { fileName = "clip.mp4", contentType = "video/mp4", sizeBytes = size }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes, bool sendDeclaredSize)
    {
        var body = new ByteArrayContent(bytes);
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            if (sendDeclaredSize || header.Name != UploadMetadata.DeclaredSizeHeader)
            {
                body.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(upload.GetProperty("url").GetString()!)) { Content = body };
        return await Browser.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("upload_refused", problem.GetProperty("code").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private sealed record PartsRequest(string? MultipartUploadId, int[] PartNumbers, long SizeBytes);

    private static string[] SignedHeaders(string url) =>
        (HttpUtility.ParseQueryString(new Uri(url).Query)["X-Amz-SignedHeaders"] ?? "").Split(';');
}
