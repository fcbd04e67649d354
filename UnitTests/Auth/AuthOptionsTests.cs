using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;

namespace VideoAspire.UnitTests.Auth;

public sealed class AuthOptionsTests
{
    [Theory]
    [InlineData("https://login.example.com/tenant", "page", "openid profile")]
    [InlineData("http://127.0.0.1:5123", "page", "openid")]
    [InlineData("http://localhost:5123", null, "profile openid email")]
    [InlineData(null, null, "openid profile")]
    public void Validate_HttpsOrLoopbackAuthority_ClientIdWithAnAuthority_ScopeWithOpenid_Succeeds(string? authority, string? clientId, string scope)
    {
        var result = Validate(new AuthOptions { Authority = authority, ClientId = clientId, Scope = scope });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://login.example.com", "page", "openid", "https://")]
    [InlineData(null, "page", "openid", "Auth:ClientId is set without Auth:Authority")]
    [InlineData("https://login.example.com", "page", "profile email", "must include \"openid\"")]
    [InlineData("https://login.example.com", "page", "openidx", "must include \"openid\"")]
    public void Validate_PlainHttpElsewhere_ClientIdAlone_ScopeWithoutOpenid_FailsSayingWhy(string? authority, string? clientId, string scope, string expected)
    {
        var result = Validate(new AuthOptions { Authority = authority, ClientId = clientId, Scope = scope });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void GetConfig_NoAuthority_IsDevelopmentMode()
    {
        var answer = AuthConfigApi.GetConfig(Options.Create(new AuthOptions())).Result;

        Assert.Equal(SignInMode.Development, Assert.IsType<Ok<AuthConfigResponse>>(answer).Value!.Mode);
    }

    [Fact]
    public void GetConfig_AuthorityAndClientId_IsOidcModeWithWhatThePageNeeds()
    {
        var options = new AuthOptions { Authority = "https://login.example.com", ClientId = "page", Scope = "openid email" };

        var answer = AuthConfigApi.GetConfig(Options.Create(options)).Result;

        Assert.Equal(new AuthConfigResponse(SignInMode.Oidc, "https://login.example.com", "page", "openid email"),
            Assert.IsType<Ok<AuthConfigResponse>>(answer).Value);
    }

    [Fact]
    public void GetConfig_AuthorityWithoutClientId_Is404SignInNotConfigured()
    {
        var answer = AuthConfigApi.GetConfig(Options.Create(new AuthOptions { Authority = "https://login.example.com" })).Result;

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
        Assert.Equal("sign_in_not_configured", problem.ProblemDetails.Extensions["code"]);
    }

    private static ValidateOptionsResult Validate(AuthOptions options) => new AuthOptionsValidator().Validate(null, options);
}
