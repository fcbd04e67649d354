using System.Net.Http.Json;
using System.Text.Json;

namespace VideoAspire.IntegrationTests.Infrastructure;

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
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            // As a browser would: every header the Api listed (Content-Type, the declared size); Content-Length from the body.
            body.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        using var put = await Browser.PutAsync(new Uri(upload.GetProperty("url").GetString()!), body, ct);
        put.EnsureSuccessStatusCode();
        return upload.GetProperty("uploadId").GetString()!;
    }

    /// <summary>
    /// Uploads <paramref name="file"/> as a presigned multipart upload (start, PUT every part, complete) and
    /// checks each step's status; returns the upload id and how many parts were sent.
    /// </summary>
    public static async Task<(string UploadId, int Parts)> UploadMultipartAsync(this HttpClient api, string file)
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = await File.ReadAllBytesAsync(file, ct);
        using var start = await api.PostAsJsonAsync("/api/uploads/multipart",
            new { fileName = Path.GetFileName(file), contentType = "video/mp4", sizeBytes = bytes.Length }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        var upload = await start.Content.ReadFromJsonAsync<JsonElement>(ct);
        var partSize = upload.GetProperty("partSizeBytes").GetInt64();
        var parts = new List<object>();
        foreach (var part in upload.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("partNumber").GetInt32();
            var offset = (number - 1) * partSize;
            using var body = new ByteArrayContent(bytes, (int)offset, (int)Math.Min(partSize, bytes.Length - offset));
            using var put = await Browser.PutAsync(new Uri(part.GetProperty("url").GetString()!), body, ct);
            put.EnsureSuccessStatusCode();
            parts.Add(new { partNumber = number, eTag = put.Headers.ETag!.Tag });
        }

        Assert.Equal(upload.GetProperty("partCount").GetInt32(), parts.Count);
        var uploadId = upload.GetProperty("uploadId").GetString()!;
        using var complete = await api.PostAsJsonAsync($"/api/uploads/multipart/{uploadId}/complete",
            new { multipartUploadId = upload.GetProperty("multipartUploadId").GetString(), parts }, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal(bytes.Length, (await complete.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("sizeBytes").GetInt64());
        return (uploadId, parts.Count);
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
