using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VideoAspire.BrowserTests.Infrastructure;
using VideoAspire.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VideoAspire.BrowserTests;

/// <summary>The page at phone width, used by keyboard alone, and checked by axe-core's rules (WCAG 2 A and AA and best practices).</summary>
public sealed class PageAccessibilityTests(PageHost host, TestVideos videos) : IClassFixture<PageHost>
{
    [Fact]
    public async Task Page_AtPhoneWidthByKeyboard_SignsInUploadsAndHasNoAxeViolations()
    {
        var page = await host.OpenPageAsync(width: 390, height: 844);
        var signInViolations = Describe(await page.RunAxe());

        await page.Keyboard.PressAsync("Tab");
        var firstFocus = await page.EvaluateAsync<string>("() => document.activeElement.id");
        await page.Keyboard.TypeAsync("kim");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("user")).ToHaveTextAsync("kim");
        await Expect(page.Locator("#file")).ToBeEnabledAsync(); // as a person would: the picker is usable once the page is ready
        await page.Locator("#file").SetInputFilesAsync(await videos.NoAudioAsync());
        await Expect(page.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.GetByLabel("One text for all").CheckAsync();
        var optionsViolations = Describe(await page.RunAxe());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-phone.png"), FullPage = true });

        Assert.Equal("user-id", firstFocus);
        Assert.True(signInViolations.Count == 0, string.Join('\n', signInViolations));
        Assert.True(optionsViolations.Count == 0, string.Join('\n', optionsViolations));
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a 390 px phone screen.");
    }

    private static List<string> Describe(Deque.AxeCore.Commons.AxeResult result) =>
        [.. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
}
