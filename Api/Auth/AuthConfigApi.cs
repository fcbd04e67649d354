using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Auth;

/// <summary>
/// How the web page signs in, asked before anyone is signed in: with a Development token, or with the OpenID Connect
/// authority (authorization code + PKCE) the Api trusts. Nothing here is secret: a public client has no secret.
/// </summary>
internal static class AuthConfigApi
{
    public static IEndpointRouteBuilder MapAuthConfigApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/auth/config", GetConfig).WithTags("Auth").AllowAnonymous()
            .WithName("GetAuthConfig").WithSummary("Get how the web page signs in: Development tokens or OpenID Connect")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static Results<Ok<AuthConfigResponse>, ProblemHttpResult> GetConfig(IOptions<AuthOptions> options)
    {
        var auth = options.Value;
        if (string.IsNullOrEmpty(auth.Authority))
        {
            return TypedResults.Ok(new AuthConfigResponse(SignInMode.Development, null, null, null));
        }

        return string.IsNullOrEmpty(auth.ClientId)
            ? Problems.ApiProblems.NotFound("sign_in_not_configured",
                "This Api accepts tokens from its OpenID Connect authority but names no client for the web page (Auth:ClientId).")
            : TypedResults.Ok(new AuthConfigResponse(SignInMode.Oidc, auth.Authority, auth.ClientId, auth.Scope));
    }
}

/// <summary>How the page gets a token: from POST /api/dev/tokens (Development), or from the OpenID Connect authority.</summary>
public enum SignInMode
{
    Development,
    Oidc,
}

/// <summary>In "oidc" mode: the authority (issuer URL), the page's public client id and the scopes to ask for.</summary>
public sealed record AuthConfigResponse(SignInMode Mode, string? Authority, string? ClientId, string? Scope);
