using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoAspire.Api.Auth;

/// <summary>Development only: mint a token for any user id, so local runs and Api.http need no identity provider.</summary>
internal static class DevTokensApi
{
    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetService<DevTokenIssuer>() is null)
        {
            // Development with an OpenID Connect authority: tokens come from there, so there is nothing to mint them with.
            return routes;
        }

        routes.MapPost("/api/dev/tokens", CreateToken).WithTags("Development").AllowAnonymous()
            .WithName("CreateDevToken").WithSummary("Development only: mint a bearer token for any user id");
        return routes;
    }

    internal static Results<Ok<DevTokenResponse>, ValidationProblem> CreateToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        if (request.Roles?.Any(r => r != AuthOptions.OperatorRole) == true)
        {
            return Problems.ApiProblems.Invalid("roles", $"The only role is '{AuthOptions.OperatorRole}'.");
        }

        var (token, expiresAt) = issuer.Issue(request.UserId, request.Roles);
        return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
    }
}

/// <summary>A Development token for <paramref name="UserId"/>; <paramref name="Roles"/> may hold "operator" (the diagnostics endpoints).</summary>
public sealed record DevTokenRequest(
    [property: Required, RegularExpression("^[A-Za-z0-9_.@-]{1,64}$")] string UserId,
    [property: MaxLength(1)] string[]? Roles = null);

public sealed record DevTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
