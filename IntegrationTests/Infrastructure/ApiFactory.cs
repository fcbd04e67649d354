using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Api.Auth;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The real Api in memory (WebApplicationFactory) against the test backend, with its own bucket and table,
/// the in-process worker running, and HTTP clients that carry a Development token for a chosen user.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ApiFactory(AwsBackendFixture backend, string bucket, string table, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Bucket = bucket;
        Table = table;
        var all = new Dictionary<string, string?>(backend.Configuration)
        {
            ["Storage:BucketName"] = bucket,
            ["Storage:JobsTableName"] = table,
            ["Storage:BootstrapResources"] = "true",
            ["Processing:SweepInterval"] = "00:00:02",
            ["Uploads:PartSizeBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _settings = all;
    }

    public string Bucket { get; }

    public string Table { get; }

    /// <summary>An HttpClient authenticated as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(string userId)
    {
        var client = CreateClient();
        var (token, _) = Services.GetRequiredService<DevTokenIssuer>().Issue(userId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

/// <summary>What a browser or app would do with the Api: upload straight to S3, create jobs, poll.</summary>
internal static class ApiClientExtensions
{
    private static readonly HttpClient Browser = new();

    public static async Task<string> UploadAsync(this HttpClient api, string file, string contentType = "video/mp4")
    {
        var ct = TestContext.Current.CancellationToken;
        var size = new FileInfo(file).Length;
        using var response = await api.PostAsJsonAsync("/api/uploads", new { fileName = Path.GetFileName(file), contentType, sizeBytes = size }, ct);
        response.EnsureSuccessStatusCode();
        var upload = (await response.Content.ReadFromJsonAsync<JsonElement>(ct));
        using var body = new StreamContent(File.OpenRead(file));
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var put = await Browser.PutAsync(new Uri(upload.GetProperty("url").GetString()!), body, ct);
        put.EnsureSuccessStatusCode();
        return upload.GetProperty("uploadId").GetString()!;
    }

    public static async Task<JsonElement> CreateJobAsync(this HttpClient api, object request)
    {
        using var response = await api.PostAsJsonAsync("/api/jobs", request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls GET /api/jobs/{id} until the job is completed or failed.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient api, string jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var job = await api.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}", TestContext.Current.CancellationToken);
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} still {status} ({job.GetProperty("progress")}%)");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
