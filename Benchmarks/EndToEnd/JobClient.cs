using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// What a client of the Api does, over HTTP: get a Development token, upload a file through a presigned PUT, create a
/// job and poll GET /api/jobs/{id} until it is finished. Nothing here knows the server's internals.
/// </summary>
internal sealed class JobClient(Uri baseAddress) : IDisposable
{
    /// <summary>How often the job is polled: the resolution of the measured job time.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };

    public async Task SignInAsync(string userId)
    {
        var token = await ReadAsync(await _http.PostAsJsonAsync(new Uri("/api/dev/tokens", UriKind.Relative), new { userId }));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
    }

    /// <summary>Uploads the file as the page does for a single PUT; the upload's id and its object key.</summary>
    public async Task<(string UploadId, string Key)> UploadAsync(string file)
    {
        var size = new FileInfo(file).Length;
        var upload = await ReadAsync(await _http.PostAsJsonAsync(new Uri("/api/uploads", UriKind.Relative),
            new { fileName = Path.GetFileName(file), contentType = "video/mp4", sizeBytes = size }));
        await using var stream = File.OpenRead(file);
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.GetProperty("url").GetString()) { Content = new StreamContent(stream) };
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            if (!put.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
            {
                put.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        using var s3 = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        (await s3.SendAsync(put)).EnsureSuccessStatusCode();
        return (upload.GetProperty("uploadId").GetString()!, upload.GetProperty("key").GetString()!);
    }

    /// <summary>
    /// Creates the job and polls it until it is completed: the time from the POST to the first poll that sees
    /// "completed", and the finished job as the Api shows it. A failed job throws.
    /// </summary>
    public async Task<(TimeSpan Elapsed, JsonElement Job)> RunJobAsync(object request)
    {
        var stopwatch = Stopwatch.StartNew();
        var created = await ReadAsync(await _http.PostAsJsonAsync(new Uri("/api/jobs", UriKind.Relative), request));
        var id = created.GetProperty("id").GetString();
        while (true)
        {
            var job = await ReadAsync(await _http.GetAsync(new Uri($"/api/jobs/{id}", UriKind.Relative)));
            switch (job.GetProperty("status").GetString())
            {
                case "completed":
                    return (stopwatch.Elapsed, job);
                case "failed":
                    throw new InvalidOperationException($"Job {id} failed: {job.GetProperty("error")}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Deletes the job and its segments.</summary>
    public async Task DeleteJobAsync(string id) =>
        (await _http.DeleteAsync(new Uri($"/api/jobs/{id}", UriKind.Relative))).EnsureSuccessStatusCode().Dispose();

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
