using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.BrowserTests.Infrastructure;

/// <summary>
/// The page and the Api as outside Development: the Api trusts an OpenID Connect authority (the tests' stand-in,
/// <see cref="OidcProviderStandIn"/>) and tells the page to sign in there; no Development tokens are minted.
/// </summary>
public sealed class OidcPageHost(AwsBackendFixture backend) : IAsyncLifetime
{
    public OidcProviderStandIn Provider { get; } = new();

    public PageHost Page { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Provider.StartAsync();
        Page = new PageHost(backend, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = Provider.Issuer,
            ["Auth:Audience"] = OidcProviderStandIn.Audience,
            ["Auth:ClientId"] = OidcProviderStandIn.ClientId,
        });
        await Page.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Page is not null)
        {
            await Page.DisposeAsync();
        }

        await Provider.DisposeAsync();
    }
}
