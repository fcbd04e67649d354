using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VideoAspire.BrowserTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VideoAspire.BrowserTests;

/// <summary>
/// What a person does on the page, in headless Chromium against the real Api: sign in, upload, cut, watch, play,
/// download, delete; and what they see when something is wrong. Screenshots go to TestResults/screenshots/.
/// </summary>
public sealed class PageRoundTripTests(PageHost host, TestVideos videos) : IClassFixture<PageHost>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Page_SignInUploadCutPlayDownloadDelete_RoundTrip()
    {
        var page = await host.OpenPageAsync();
        var partPuts = 0;
        var eventStreams = 0;
        page.Request += (_, request) =>
        {
            partPuts += request.Method == "PUT" && request.Url.Contains("partNumber=", StringComparison.Ordinal) ? 1 : 0;
            eventStreams += request.Url.EndsWith("/events", StringComparison.Ordinal) ? 1 : 0;
        };
        await SignInAsync(page, "ada");

        await Expect(page.Locator("#file")).ToBeEnabledAsync(); // as a person would: the picker is usable once the page is ready
        await page.Locator("#file").SetInputFilesAsync(await videos.H264LargeAsync());
        await Expect(page.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-1-uploaded.png"), FullPage = true });
        await page.GetByLabel("Random lengths").CheckAsync();
        await page.GetByLabel("Shortest (s)").FillAsync("4");
        await page.GetByLabel("Longest (s)").FillAsync("8");
        await page.GetByLabel("Seed (same seed, same cuts)").FillAsync("7");
        await page.GetByLabel("One text per segment").CheckAsync();
        await page.GetByLabel("Texts, one line per segment").FillAsync("first\nsecond\nthird\nfourth\nfifth");
        await Expect(page.GetByTestId("text-preview")).ToHaveTextAsync("first");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the planned cuts" }).ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        var planned = await page.GetByTestId("timeline").GetByRole(AriaRole.Listitem).CountAsync();
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-2-options.png"), FullPage = true });
        var created = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Cut the video" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/api/jobs", StringComparison.Ordinal));
        var jobId = (await created.JsonAsync())!.Value.GetProperty("id").GetString()!;
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        var produced = await page.GetByRole(AriaRole.List, new() { Name = "Segments", Exact = true }).GetByRole(AriaRole.Listitem).CountAsync();
        await Expect(page.GetByTestId("job-percent")).ToHaveTextAsync("100 %");
        await Expect(page.GetByTestId("job-encoding")).ToContainTextAsync("re-encoded: text overlay"); // per stream, and why
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-3-results.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Play segment 1" }).ClickAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('.segment video'); return v && v.duration > 0 && v.currentTime > 0; }",
            null, new() { Timeout = 30_000 });
        var duration = await page.EvaluateAsync<double>("() => document.querySelector('.segment video').duration");
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-4-playing.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download segment 1" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mp4");
        await download.SaveAsAsync(saved);
        var downloaded = await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken);
        File.Delete(saved);
        var archive = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = $"Download all {produced} segments (ZIP)" }).ClickAsync());
        var archived = await ArchiveEntriesAsync(archive);
        using var api = host.Api.ClientFor("ada");
        var stored = (await api.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}", TestContext.Current.CancellationToken))
            .GetProperty("segments").EnumerateArray()
            .Select(s => ($"segment-{s.GetProperty("index").GetInt32() + 1}.mp4", s.GetProperty("sizeBytes").GetInt64(), "ftyp")).ToList();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this job" }).ClickAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveCountAsync(0);
        var afterDelete = await api.GetAsync(new Uri($"/api/jobs/{jobId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(partPuts >= 3, $"A {new FileInfo(await videos.H264LargeAsync()).Length}-byte video in 5 MiB parts: {partPuts} part PUTs seen.");
        Assert.True(planned > 1, $"{planned} planned segments");
        Assert.Equal(planned, produced); // the timeline showed the cuts the job then made
        Assert.Equal(1, eventStreams); // progress came over one Server-Sent Events stream, not by polling
        Assert.InRange(duration, 3.5, 8.5); // random lengths 4-8 s; a copy cut may end at a keyframe a little off
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(downloaded, 4, 4)); // an MP4, not an error page
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Equal(stored, archived); // every segment, whole (its stored size), an MP4 each
    }

    [Fact]
    public async Task Page_InvalidOptionsThenNotAVideo_ShowsTheFieldErrorThenTheJobError()
    {
        var page = await host.OpenPageAsync();
        await SignInAsync(page, "grace");
        await Expect(page.Locator("#file")).ToBeEnabledAsync(); // as a person would: the picker is usable once the page is ready
        await page.Locator("#file").SetInputFilesAsync(await videos.NotAVideoAsync());
        await Expect(page.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await page.GetByLabel("Random lengths").CheckAsync();
        await page.GetByLabel("Shortest (s)").FillAsync("9");
        await page.GetByLabel("Longest (s)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cut the video" }).ClickAsync();
        await Expect(page.Locator("#max-seconds-error")).ToContainTextAsync("at least");
        var fieldError = await page.Locator("#max-seconds-error").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-5-field-error.png"), FullPage = true });
        await page.GetByLabel("Longest (s)").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cut the video" }).ClickAsync();
        await Expect(page.GetByTestId("job-error")).ToBeVisibleAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        var jobError = await page.GetByTestId("job-error").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-6-not-a-video.png"), FullPage = true });

        Assert.Equal("Must be at least MinSeconds.", fieldError);
        Assert.StartsWith("The job failed:", jobError, StringComparison.Ordinal);
        Assert.Contains("unreadable_input", jobError, StringComparison.Ordinal);
        Assert.Equal("failed", await page.GetByTestId("job-status").InnerTextAsync());
    }

    /// <summary>The downloaded ZIP's entries in order: name, length and the MP4 box type at bytes 4-7.</summary>
    private static async Task<List<(string Name, long Length, string Box)>> ArchiveEntriesAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entries = new List<(string, long, string)>();
            foreach (var entry in zip.Entries)
            {
                await using var content = entry.Open();
                var head = new byte[8];
                await content.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
                entries.Add((entry.FullName, entry.Length, System.Text.Encoding.ASCII.GetString(head, 4, 4)));
            }

            return entries;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task SignInAsync(IPage page, string userId)
    {
        await page.GetByLabel("User name").FillAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(userId);
    }
}
