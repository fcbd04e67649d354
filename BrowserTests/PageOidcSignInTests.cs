using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Playwright;
using VideoAspire.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VideoAspire.BrowserTests;

/// <summary>
/// Sign-in outside Development: the Api names an OpenID Connect authority (a stand-in provider inside the test), and
/// the page signs in there with the authorization code flow and PKCE, in headless Chromium.
/// </summary>
public sealed partial class PageOidcSignInTests(OidcPageHost host) : IClassFixture<OidcPageHost>
{
    [Fact]
    public async Task Page_WithAnOidcAuthority_SignsInWithCodeAndPkce_CallsTheApiWithTheToken_AndNoUrlCarriesIt()
    {
        var (authorizedBefore, redeemedBefore) = (host.Provider.AuthorizeRequests.Count, host.Provider.TokenOutcomes.Count); // the fixture is shared
        var page = await host.Page.OpenPageAsync();
        var urls = new ConcurrentQueue<string>();
        page.Context.Request += (_, request) => urls.Enqueue(request.Url);
        page.FrameNavigated += (_, frame) => urls.Enqueue(frame.Url);
        var jobsList = page.WaitForResponseAsync(r => r.Request.Method == "GET" && r.Url.Contains("/api/jobs?", StringComparison.Ordinal));

        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-oidc-1-sign-in.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(OidcProviderStandIn.UserName, new() { Timeout = 30_000 });
        var jobs = await jobsList;
        var bearer = await jobs.Request.HeaderValueAsync("authorization");
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('videoaspire.session')).accessToken");
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-oidc-2-signed-in.png"), FullPage = true });
        var addressAfterSignIn = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var storedAfterSignOut = await page.EvaluateAsync<int>("() => sessionStorage.length");

        var authorize = Assert.Single(host.Provider.AuthorizeRequests.Skip(authorizedBefore));
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal(host.Page.BaseAddress.ToString(), authorize["redirect_uri"]);
        Assert.Contains(urls, u => u.StartsWith($"{host.Provider.Issuer}/authorize?", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith($"{host.Page.BaseAddress}?code=", StringComparison.Ordinal));
        Assert.Equal(["issued"], host.Provider.TokenOutcomes.Skip(redeemedBefore));
        Assert.Equal(host.Page.BaseAddress.ToString(), addressAfterSignIn); // code and state gone from the address bar
        Assert.DoesNotContain(urls, u => u.Contains(token, StringComparison.Ordinal));
        Assert.Equal(200, jobs.Status);
        Assert.Equal($"Bearer {token}", bearer);
        Assert.Equal(OidcProviderStandIn.Audience, Assert.Single(new JsonWebToken(token).Audiences));
        Assert.Equal(0, storedAfterSignOut);
    }

    [Fact]
    public async Task Page_CodeRedeemedWithAnotherVerifier_IsRefusedByTheProvider_AndThePageStaysSignedOut()
    {
        // The browser's token request is altered on its way: the right code with a verifier that is not the one whose
        // challenge /authorize received. The provider refuses it, which is what PKCE is for (a stolen code is useless).
        var page = await host.Page.OpenPageAsync();
        await page.Context.RouteAsync($"{host.Provider.Issuer}/token", route => route.ContinueAsync(new()
        {
            PostData = System.Text.Encoding.ASCII.GetBytes(
                VerifierParameter().Replace(route.Request.PostData ?? "", $"code_verifier={new string('x', 64)}")),
        }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("Sign-in failed", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = PageHost.ScreenshotPath("page-oidc-refused.png"), FullPage = true });

        Assert.Contains("refused: code_verifier does not match the code_challenge", host.Provider.TokenOutcomes);
        await Expect(page.GetByTestId("user")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("code_verifier=[^&]*")]
    private static partial Regex VerifierParameter();
}
