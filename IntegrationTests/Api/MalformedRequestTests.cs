using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>Bad input of every kind is a 4xx with ProblemDetails, never a 500.</summary>
public sealed class MalformedRequestTests(AwsBackendFixture backend) : IAsyncLifetime
{
    private const string Id = "0123456789abcdef0123456789abcdef";
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("malformed"), AwsBackendFixture.UniqueName("malformed"));
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _api.ClientFor("mallory");
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        // name, method, path, JSON body
        { "not JSON at all", "POST", "/api/jobs", "this is not json" },
        { "truncated JSON", "POST", "/api/jobs", """{"uploadId": "abc""" },
        { "JSON array instead of object", "POST", "/api/jobs", "[1,2,3]" },
        { "empty body", "POST", "/api/jobs", "" },
        { "uploadId missing", "POST", "/api/jobs", "{}" },
        { "uploadId wrong type", "POST", "/api/jobs", """{"uploadId": 42}""" },
        { "uploadId with path traversal", "POST", "/api/jobs", """{"uploadId": "../../etc/passwd"}""" },
        { "unknown field", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "bogus": true}""" },
        { "unknown output mode", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "output": "turbo"}""" },
        { "output mode as a number", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "output": 1}""" },
        { "unknown cutting mode", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"mode": "sometimes"} }""" },
        { "zero segment length", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"mode": "fixed", "segmentSeconds": 0} }""" },
        { "negative segment length", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"mode": "fixed", "segmentSeconds": -5} }""" },
        { "segment length as a string", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"mode": "fixed", "segmentSeconds": "ten"} }""" },
        { "random min above max", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"mode": "random", "minSeconds": 20, "maxSeconds": 5} }""" },
        { "too many segments allowed", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "cutting": {"maxSegments": 100000} }""" },
        { "empty overlay text", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": ""} }""" },
        { "huge overlay text", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": "{{new string('x', 5000)}}"} }""" },
        { "control characters in text", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": "a\u0007b"} }""" },
        { "emoji the font lacks", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": "go 🚀"} }""" },
        { "colour that would inject filter options", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": "a", "style": {"color": "white:fontfile=/etc/passwd"} } }""" },
        { "font size out of range", "POST", "/api/jobs", $$"""{"uploadId": "{{Id}}", "overlay": {"mode": "allSegments", "text": "a", "style": {"fontSize": 100000} } }""" },
        { "upload: path traversal name", "POST", "/api/uploads", """{"fileName": "../../etc/passwd", "contentType": "video/mp4", "sizeBytes": 10}""" },
        { "upload: control character name", "POST", "/api/uploads", """{"fileName": "a\u0000b.mp4", "contentType": "video/mp4", "sizeBytes": 10}""" },
        { "upload: empty name", "POST", "/api/uploads", """{"fileName": "", "contentType": "video/mp4", "sizeBytes": 10}""" },
        { "upload: not a video type", "POST", "/api/uploads", """{"fileName": "a.exe", "contentType": "application/x-msdownload", "sizeBytes": 10}""" },
        { "upload: zero size", "POST", "/api/uploads", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": 0}""" },
        { "upload: negative size", "POST", "/api/uploads", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": -1}""" },
        { "upload: oversized declaration", "POST", "/api/uploads", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": 999999999999}""" },
        { "upload: too big for one PUT", "POST", "/api/uploads", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": 2000000000}""" },
        { "multipart: oversized declaration", "POST", "/api/uploads/multipart", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": 99999999999999}""" },
        { "multipart: part number out of range", "POST", $"/api/uploads/multipart/{Id}/parts", """{"multipartUploadId": "x", "partNumbers": [0, 10001]}""" },
        { "multipart: complete with duplicate parts", "POST", $"/api/uploads/multipart/{Id}/complete", """{"multipartUploadId": "x", "parts": [{"partNumber": 1, "eTag": "a"}, {"partNumber": 1, "eTag": "a"}]}""" },
        { "multipart: complete with no parts", "POST", $"/api/uploads/multipart/{Id}/complete", """{"multipartUploadId": "x", "parts": []}""" },
        { "multipart: upload id with traversal", "POST", "/api/uploads/multipart/..%2F..%2Fsecret/complete", """{"multipartUploadId": "x", "parts": [{"partNumber": 1, "eTag": "a"}]}""" },
        { "job id with traversal", "GET", "/api/jobs/..%2F..%2Fetc", null },
        { "job id not ours", "GET", $"/api/jobs/{Id}", null },
        { "list: limit zero", "GET", "/api/jobs?limit=0", null },
        { "list: limit not a number", "GET", "/api/jobs?limit=many", null },
        { "list: forged cursor", "GET", "/api/jobs?cursor=bm90LWEtY3Vyc29y", null },
        { "analyze: missing upload", "POST", "/api/videos/analyze", $$"""{"uploadId": "{{Id}}"}""" },
        { "analyze: bad cutting", "POST", "/api/videos/analyze", $$"""{"uploadId": "{{Id}}", "cutting": {"segmentSeconds": 0} }""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedRequest_Is4xxProblemDetails(string name, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task MissingRequiredField_IsAValidationProblemNamingTheField()
    {
        using var response = await _client.PostAsync(new Uri("/api/uploads", UriKind.Relative),
            new StringContent("""{"contentType": "video/mp4", "sizeBytes": 10}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals("fileName", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }
}
