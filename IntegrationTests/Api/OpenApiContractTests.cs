using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.Core.Storage;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// The endpoints' [AsParameters] service bundles stay out of the published contract (only the route, query and body
/// are parameters), and the one upload id rule reaches the OpenAPI schema of every request that names an upload.
/// </summary>
public sealed class OpenApiContractTests(AwsBackendFixture backend) : IAsyncDisposable
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("openapi"), AwsBackendFixture.UniqueName("openapi"));

    [Theory]
    [InlineData("/api/jobs", "post", "")]
    [InlineData("/api/jobs", "get", "limit,cursor")]
    [InlineData("/api/jobs/{id}", "get", "id")]
    [InlineData("/api/jobs/{id}", "delete", "id")]
    [InlineData("/api/videos/analyze", "post", "")]
    public async Task Endpoint_ServiceBundle_IsNoPartOfItsParameters(string path, string method, string parameters)
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        var names = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()) : [];
        Assert.Equal(parameters, string.Join(',', names));
    }

    [Theory]
    [InlineData("CreateJobRequest")]
    [InlineData("AnalyzeRequest")]
    public async Task RequestNamingAnUpload_UploadId_CarriesTheIdPattern(string schema)
    {
        var document = await DocumentAsync();

        var uploadId = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty("uploadId");

        Assert.Equal(StorageLayout.IdPattern, uploadId.GetProperty("pattern").GetString());
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = _api.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
    }
}
