using System.Security.Claims;

namespace VideoAspire.Api.Auth;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's id: the token's "sub" claim. Endpoints run only for authenticated callers, so it is there.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The authenticated caller has no 'sub' claim.");
}
