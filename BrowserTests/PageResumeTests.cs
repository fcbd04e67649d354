using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VideoAspire.BrowserTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VideoAspire.BrowserTests;

/// <summary>
/// A multipart upload that is interrupted goes on where it stopped: the page asks the Api which parts S3 holds
/// (GET /api/uploads/multipart/{id}/parts) and sends only the others. Part PUTs are held by Playwright's routing,
/// so the interruption lands mid-upload on any machine, fast or slow, not by timing luck.
/// </summary>
public sealed partial class PageResumeTests(PageHost host, TestVideos videos) : IClassFixture<PageHost>
{
    private const long PartSize = 5 * 1024 * 1024; // ApiFactory's Uploads:PartSizeBytes

    [Fact]
    public async Task Page_ReloadDuringMultipartUpload_ResumesWithoutResendingStoredParts()
    {
        var video = await videos.H264LargeAsync();
        var partCount = (int)((new FileInfo(video).Length + PartSize - 1) / PartSize);
        var page = await host.OpenPageAsync();
        var reloaded = false;
        var storedBeforeReload = new ConcurrentDictionary<int, bool>();
        var firstTwoStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentAfterReload = new ConcurrentBag<int>();
        var partListings = 0;
        await page.RouteAsync(url => url.Contains("partNumber=", StringComparison.Ordinal), async route =>
        {
            var number = PartNumber(route.Request.Url);
            if (route.Request.Method != "PUT" || reloaded || number <= 2)
            {
                if (reloaded && route.Request.Method == "PUT")
                {
                    sentAfterReload.Add(number);
                }

                await route.ContinueAsync();
            }

            // Before the reload, parts 3 and on are held (never answered): the reload drops them unfinished.
        });
        page.Response += (_, response) =>
        {
            if (!reloaded && response.Request.Method == "PUT" && response.Ok && response.Url.Contains("partNumber=", StringComparison.Ordinal))
            {
                storedBeforeReload[PartNumber(response.Url)] = true;
                if (storedBeforeReload.Count == 2)
                {
                    firstTwoStored.TrySetResult();
                }
            }
        };
        page.Request += (_, request) => partListings += request.Method == "GET" && request.Url.Contains("/parts?", StringComparison.Ordinal) ? 1 : 0;
        await SignInAsync(page, "lin");
        await Expect(page.Locator("#file")).ToBeEnabledAsync();
        await page.Locator("#file").SetInputFilesAsync(video);
        await firstTwoStored.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        // Golden Retriever saves the upload's state (with S3's multipart id) to localStorage, throttled to 0.5 s: wait for it,
        // as any reload a person makes later than that would find it.
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('uppyState:') && localStorage.getItem(k).includes('s3Multipart'))");

        reloaded = true;
        await page.ReloadAsync();
        await Expect(page.GetByTestId("upload-notice")).ToContainTextAsync("Choose the same file again");
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-7-upload-interrupted.png"), FullPage = true });
        await Expect(page.Locator("#file")).ToBeEnabledAsync();
        await page.Locator("#file").SetInputFilesAsync(video); // an 18 MB file is over what the browser keeps (10 MiB)
        await Expect(page.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-8-upload-resumed.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cut the video" }).ClickAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = 240_000 });

        Assert.True(partCount >= 4, $"{partCount} parts: the test needs parts to hold after the first two");
        Assert.Equal(Enumerable.Range(3, partCount - 2), sentAfterReload.Order()); // parts 1 and 2 were not sent again
        Assert.Equal(1, partListings);
    }

    private static int PartNumber(string url) => int.Parse(PartNumberParameter().Match(url).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("[?&]partNumber=([0-9]+)")]
    private static partial Regex PartNumberParameter();

    private static async Task SignInAsync(IPage page, string userId)
    {
        await page.GetByLabel("User name").FillAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(userId);
    }
}
