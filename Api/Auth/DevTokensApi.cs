using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoAspire.Api.Auth;

/// <summary>Development only: mint a token for any user id, so local runs and Api.http need no identity provider.</summary>
internal static class DevTokensApi
{
    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/dev/tokens", CreateToken).WithTags("Development").AllowAnonymous();
        return routes;
    }

    internal static Ok<DevTokenResponse> CreateToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        var (token, expiresAt) = issuer.Issue(request.UserId);
        return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
    }
}

public sealed record DevTokenRequest([property: Required, RegularExpression("^[A-Za-z0-9_.@-]{1,64}$")] string UserId);

public sealed record DevTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
