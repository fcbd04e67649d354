using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoAspire.Api.Auth;

/// <summary>Mints the Development identity's tokens (and the tests'): HMAC-signed JWTs with the caller's id as "sub" and optional roles.</summary>
internal sealed class DevTokenIssuer(string signingKey, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public SymmetricSecurityKey Key { get; } = new(Encoding.UTF8.GetBytes(signingKey));

    public (string Token, DateTimeOffset ExpiresAt) Issue(string userId, IReadOnlyCollection<string>? roles = null)
    {
        var identity = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId)]);
        foreach (var role in roles ?? [])
        {
            identity.AddClaim(new Claim(AuthOptions.RoleClaim, role));
        }

        var now = timeProvider.GetUtcNow();
        var expires = now + Lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.DevIssuer,
            Audience = AuthOptions.DevAudience,
            Subject = identity,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
