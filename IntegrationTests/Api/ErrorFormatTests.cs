using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// One error format: every error the Api answers, from its handlers or from the framework (authentication,
/// authorization, binding, attribute validation, routing), is ProblemDetails with a stable "code", and field
/// errors are named as the client sent them.
/// </summary>
public sealed class ErrorFormatTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private const string Id = "0123456789abcdef0123456789abcdef";
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("errors"), AwsBackendFixture.UniqueName("errors"));
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _api.ClientFor("erin");
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Request_WithoutToken_Is401ProblemWithCodeAndChallenge()
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Request_WithInvalidToken_Is401ProblemWithCodeAndChallenge()
    {
        using var forged = _api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await forged.GetAsync(new Uri("/api/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Diagnostics_ForNonOperator_Is403ProblemWithCode()
    {
        using var response = await _client.GetAsync(new Uri("/api/diagnostics/processing", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CreateJob_WithWrongContentType_Is415ProblemWithCode()
    {
        using var body = new StringContent($$"""{"uploadId": "{{Id}}"}""", Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync(new Uri("/api/jobs", UriKind.Relative), body, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemWithCode()
    {
        using var response = await _client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemWithCode()
    {
        using var response = await _client.PutAsync(new Uri("/api/jobs", UriKind.Relative), null, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("/api/uploads", """{"fileName": "a.mp4", "contentType": "video/mp4", "sizeBytes": 0}""", "sizeBytes")]
    [InlineData("/api/uploads", """{"contentType": "video/mp4", "sizeBytes": 10}""", "fileName")]
    [InlineData("/api/jobs", """{"uploadId": "not-an-upload-id"}""", "uploadId")]
    [InlineData("/api/uploads/multipart/" + Id + "/complete", """{"multipartUploadId": "x", "parts": [{"partNumber": 0, "eTag": "a"}]}""", "parts[0].partNumber")]
    [InlineData("/api/uploads/multipart/" + Id + "/complete", """{"multipartUploadId": "x", "parts": [{"partNumber": 1, "eTag": ""}]}""", "parts[0].eTag")]
    public async Task AttributeValidation_Is400ValidationFailed_WithTheClientsFieldNames(string path, string json, string field)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var names = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(field, names);
    }

    [Fact]
    public async Task HandWrittenValidation_NamesNestedFieldsAsSent()
    {
        using var response = await _client.PostAsJsonAsync("/api/jobs",
            new { uploadId = Id, cutting = new { mode = "fixed", segmentSeconds = 0 } }, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["cutting.segmentSeconds"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task AbortMultipart_UnknownMultipartId_Is404()
    {
        var (uploadId, _) = await StartMultipartAsync();

        using var response = await _client.DeleteAsync(
            new Uri($"/api/uploads/multipart/{uploadId}?multipartUploadId=no-such-upload", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "upload_not_found");
    }

    [Fact]
    public async Task AbortMultipart_Twice_Is204Then404_AndTheUploadCannotBeCompleted()
    {
        var (uploadId, multipartUploadId) = await StartMultipartAsync();
        var abort = new Uri($"/api/uploads/multipart/{uploadId}?multipartUploadId={Uri.EscapeDataString(multipartUploadId)}", UriKind.Relative);

        using var first = await _client.DeleteAsync(abort, TestContext.Current.CancellationToken);
        using var second = await _client.DeleteAsync(abort, TestContext.Current.CancellationToken);
        using var complete = await _client.PostAsJsonAsync($"/api/uploads/multipart/{uploadId}/complete",
            new { multipartUploadId, parts = new[] { new { partNumber = 1, eTag = "\"0\"" } } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.NotFound, "upload_not_found");
        await AssertProblemAsync(complete, HttpStatusCode.NotFound, "upload_not_found");
    }

    [Fact]
    public async Task AbortMultipart_SomeoneElsesUpload_Is404_AndLeavesItAlone()
    {
        var (uploadId, multipartUploadId) = await StartMultipartAsync();
        using var mallory = _api.ClientFor("mallory");
        var abort = new Uri($"/api/uploads/multipart/{uploadId}?multipartUploadId={Uri.EscapeDataString(multipartUploadId)}", UriKind.Relative);

        using var others = await mallory.DeleteAsync(abort, TestContext.Current.CancellationToken);
        using var owners = await _client.DeleteAsync(abort, TestContext.Current.CancellationToken);

        await AssertProblemAsync(others, HttpStatusCode.NotFound, "upload_not_found");
        Assert.Equal(HttpStatusCode.NoContent, owners.StatusCode);
    }

    [Fact]
    public async Task JobView_CarriesOnlyClientFields()
    {
        var uploadId = await _client.UploadAsync(await videos.NoAudioAsync());

        var job = await _client.CreateJobAsync(new
        {
            uploadId,
            overlay = new { mode = "allSegments", text = "Hello", style = new { color = "#FF0000" } },
        });
        var fetched = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job.GetProperty("id").GetString()}", TestContext.Current.CancellationToken);

        foreach (var view in new[] { job, fetched })
        {
            var json = view.GetRawText();
            Assert.DoesNotContain("ffmpegColor", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hasText", json, StringComparison.OrdinalIgnoreCase);
            var overlay = view.GetProperty("options").GetProperty("overlay");
            Assert.Equal("allSegments", overlay.GetProperty("mode").GetString());
            Assert.Equal("Hello", overlay.GetProperty("text").GetString());
            Assert.Equal("#FF0000", overlay.GetProperty("style").GetProperty("color").GetString());
            Assert.Equal("fixed", view.GetProperty("options").GetProperty("cutting").GetProperty("mode").GetString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<(string UploadId, string MultipartUploadId)> StartMultipartAsync()
    {
        using var start = await _client.PostAsJsonAsync("/api/uploads/multipart",
            new { fileName = "big.mp4", contentType = "video/mp4", sizeBytes = 6 * 1024 * 1024 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var upload = await start.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (upload.GetProperty("uploadId").GetString()!, upload.GetProperty("multipartUploadId").GetString()!);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("code", out var actual), $"no code: {text}");
        Assert.Equal(code, actual.GetString());
        return problem;
    }
}
