using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.LocalAws;
using VideoAspire.Core.Setup;

namespace VideoAspire.IntegrationTests.Storage;

/// <summary>
/// The embedded S3 checks SigV4 as S3 does (tools/local-aws/sigv4.js): a presigned URL works for its key, its
/// method and its lifetime only, and a request signed with the wrong secret, or not signed at all, gets a 403.
/// Embedded backend only: LocalStack skips signature validation by default, so there these tests are skipped.
/// </summary>
public sealed class S3SignatureTests(AwsBackendFixture backend) : IAsyncLifetime
{
    private const string EmbeddedOnly =
        "Signatures are checked by the embedded S3 only: LocalStack skips signature validation by default.";

    // A hashed storage folder starts with '~'; spaces and non-ASCII letters test the path's canonical encoding.
    private const string Key = "uploads/~ab12/clip one é.mp4";

    private readonly string _bucket = AwsBackendFixture.UniqueName("s3-sig");
    private readonly IAmazonS3 _s3 = backend.CreateS3();
    private readonly HttpClient _browser = new();

    private PresignedUrls Urls => new(_s3, backend.Connection, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        await new ResourceBootstrapper(_s3, backend.CreateDynamoDb(), NullLogger<ResourceBootstrapper>.Instance)
            .EnsureBucketAsync(_bucket, ["*"], TestContext.Current.CancellationToken);
        await _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = Key, ContentBody = "stored", UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PresignedPutAndGet_AsSigned_Are200()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var bytes = RandomNumberGenerator.GetBytes(4096);

        using var put = await PutAsync(await PutUrlAsync(Key, bytes.Length), bytes);
        using var get = await _browser.GetAsync(new Uri(await Urls.ForGetAsync(_bucket, Key, TimeSpan.FromMinutes(5))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PresignedGet_SignatureTampered_IsSignatureDoesNotMatch()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var url = Tamper(await Urls.ForGetAsync(_bucket, Key, TimeSpan.FromMinutes(5)));

        using var response = await _browser.GetAsync(new Uri(url), TestContext.Current.CancellationToken);

        await AssertS3ErrorAsync(response, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task PresignedPut_SignatureTampered_IsSignatureDoesNotMatchAndStoresNothing()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        const string key = "uploads/~ab12/tampered.mp4";
        var bytes = RandomNumberGenerator.GetBytes(64 * 1024);

        using var response = await PutAsync(Tamper(await PutUrlAsync(key, bytes.Length)), bytes);

        await AssertS3ErrorAsync(response, "SignatureDoesNotMatch");
        var listed = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = key }, TestContext.Current.CancellationToken);
        Assert.Empty(listed.S3Objects ?? []);
    }

    [Fact]
    public async Task PresignedGet_AfterItsLifetime_IsRequestHasExpired()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var url = await Urls.ForGetAsync(_bucket, Key, TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        using var response = await _browser.GetAsync(new Uri(url), TestContext.Current.CancellationToken);

        var body = await AssertS3ErrorAsync(response, "AccessDenied");
        Assert.Contains("Request has expired", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresignedUrl_UsedForAnotherKey_IsSignatureDoesNotMatch()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        await _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = "uploads/other/b.mp4", ContentBody = "b", UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
        var forA = new Uri(await Urls.ForGetAsync(_bucket, "uploads/other/a.mp4", TimeSpan.FromMinutes(5)));
        var forB = new UriBuilder(forA) { Path = forA.AbsolutePath.Replace("/a.mp4", "/b.mp4", StringComparison.Ordinal) }.Uri;

        using var response = await _browser.GetAsync(forB, TestContext.Current.CancellationToken);

        await AssertS3ErrorAsync(response, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task UnsignedGetPutAndList_AreAccessDenied()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var ct = TestContext.Current.CancellationToken;
        var s3 = backend.Connection.S3ServiceUrl!;
        var objectUrl = new Uri(s3, $"{_bucket}/uploads/unsigned.txt");

        var storedKey = string.Join('/', Key.Split('/').Select(Uri.EscapeDataString));

        using var get = await _browser.GetAsync(new Uri(s3, $"{_bucket}/{storedKey}"), ct);
        using var put = await _browser.PutAsync(objectUrl, new StringContent("anonymous"), ct);
        using var list = await _browser.GetAsync(new Uri(s3, $"{_bucket}?list-type=2"), ct);
        using var buckets = await _browser.GetAsync(s3, ct);

        await AssertS3ErrorAsync(get, "AccessDenied");
        await AssertS3ErrorAsync(put, "AccessDenied");
        await AssertS3ErrorAsync(list, "AccessDenied");
        await AssertS3ErrorAsync(buckets, "AccessDenied");
    }

    [Fact]
    public async Task SdkClient_WrongSecretOrUnknownKey_IsRefused()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var ct = TestContext.Current.CancellationToken;
        using var wrongSecret = ClientWith(EmbeddedAws.AccessKeyId, "not-the-secret");
        using var unknownKey = ClientWith("NOBODY", EmbeddedAws.SecretAccessKey);

        var get = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrongSecret.GetObjectAsync(_bucket, Key, ct));
        var put = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrongSecret.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = "uploads/wrong.txt", ContentBody = "x", UseChunkEncoding = false }, ct));
        var list = await Assert.ThrowsAsync<AmazonS3Exception>(() => unknownKey.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, ct));

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (get.StatusCode, get.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (put.StatusCode, put.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidAccessKeyId"), (list.StatusCode, list.ErrorCode));
    }

    [Fact]
    public async Task CorsPreflightAndHealthProbe_NeedNoSignature()
    {
        Assert.SkipUnless(backend.Kind == AwsBackendKind.Embedded, EmbeddedOnly);
        var s3 = backend.Connection.S3ServiceUrl!;
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(s3, $"{_bucket}/uploads/any.mp4"));
        preflight.Headers.Add("Origin", "http://localhost:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");

        using var allowed = await _browser.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var health = await _browser.GetAsync(new Uri(s3, LocalAwsCommand.S3HealthPath), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        _browser.Dispose();
        _s3.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<string> PutUrlAsync(string key, long size) => Urls.ForPutAsync(_bucket, key, "video/mp4", size, TimeSpan.FromMinutes(5));

    private async Task<HttpResponseMessage> PutAsync(string url, byte[] bytes)
    {
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        body.Headers.Add(UploadMetadata.DeclaredSizeHeader, UploadMetadata.Format(bytes.Length));
        return await _browser.PutAsync(new Uri(url), body, TestContext.Current.CancellationToken);
    }

    private IAmazonS3 ClientWith(string accessKeyId, string secretAccessKey) =>
        AwsClientFactory.CreateS3(backend.Connection with { Credentials = new BasicAWSCredentials(accessKeyId, secretAccessKey) });

    /// <summary>The same URL with the last hex digit of X-Amz-Signature changed.</summary>
    private static string Tamper(string url)
    {
        var at = url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length + 63;
        Assert.InRange(at, 63 + "X-Amz-Signature=".Length, url.Length - 1);
        return string.Concat(url.AsSpan(0, at), url[at] == '0' ? "1" : "0", url.AsSpan(at + 1));
    }

    private static async Task<string> AssertS3ErrorAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"<Code>{code}</Code>", body, StringComparison.Ordinal);
        return body;
    }
}
