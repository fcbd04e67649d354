using Microsoft.Playwright;
using VideoAspire.BrowserTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VideoAspire.BrowserTests;

/// <summary>
/// Segments on the page while the job runs: each card appears as its "segment" event arrives, before the job completes.
/// The Api holds every segment's upload but the first (<see cref="HeldUploadsPageHost"/>), so the job is still
/// processing when the test looks, on any machine.
/// </summary>
public sealed class PageLiveSegmentsTests(HeldUploadsPageHost host, TestVideos videos) : IClassFixture<HeldUploadsPageHost>
{
    [Fact]
    public async Task Page_RunningJob_ShowsEachStoredSegmentBeforeTheJobCompletes()
    {
        var page = await host.Page.OpenPageAsync();
        await page.GetByLabel("User name").FillAsync("mae");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync("mae");
        await Expect(page.Locator("#file")).ToBeEnabledAsync();
        await page.Locator("#file").SetInputFilesAsync(await videos.H264Gop2Async()); // 30 s: three 10 s segments
        await Expect(page.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cut the video" }).ClickAsync();

        var segments = page.GetByRole(AriaRole.List, new() { Name = "Segments", Exact = true }).GetByRole(AriaRole.Listitem);
        await Expect(page.GetByTestId("segment-0")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Play segment 1" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("processing"); // segments 2 and 3 are held: still running
        await Expect(segments).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-live-segment.png"), FullPage = true });

        host.Uploads.Release();

        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = 60_000 });
        await Expect(segments).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download all 3 segments (ZIP)" })).ToBeEnabledAsync();
    }
}
