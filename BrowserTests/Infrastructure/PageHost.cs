using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.BrowserTests.Infrastructure;

/// <summary>
/// The real Api listening on a loopback port (Kestrel, so a browser can reach it) with its own bucket and table on
/// the shared backend, the page it serves at "/", and headless Chromium. Part size lowered to S3's 5 MiB minimum
/// (ApiFactory), so a 10 MiB video goes multipart.
/// </summary>
public sealed class PageHost : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly AwsBackendFixture _backend;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private readonly Action<IServiceCollection>? _services;

    private ApiFactory? _api;
    private IPlaywright? _playwright;

    public PageHost(AwsBackendFixture backend)
        : this(backend, settings: null)
    {
    }

    /// <summary>
    /// With Api settings of its own (e.g. an OpenID Connect authority: <see cref="OidcPageHost"/>), and services replaced
    /// (e.g. held segment uploads: <see cref="HeldUploadsPageHost"/>).
    /// </summary>
    internal PageHost(AwsBackendFixture backend, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    {
        _backend = backend;
        _settings = settings;
        _services = services;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ApiFactory Api => _api ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does).");
        _api = new ApiFactory(_backend, AwsBackendFixture.UniqueName("page"), AwsBackendFixture.UniqueName("page-jobs"), _settings, _services);
        _api.UseKestrel(0);
        _api.StartServer();
        var addresses = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A fresh browser context (its own sessionStorage) on the page; a desktop window unless a width is given.</summary>
    public async Task<IPage> OpenPageAsync(int width = 1100, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseAddress.ToString());
        return page;
    }

    /// <summary>TestResults/screenshots/ at the repository root (the CI's artifacts; README shows two).</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
