using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Auth;

/// <summary>
/// JWT bearer authentication. In production: tokens from an OpenID Connect issuer (e.g. Amazon Cognito)
/// set by <see cref="Authority"/> and <see cref="Audience"/>. In Development only: tokens signed with
/// <see cref="DevSigningKey"/>, minted by POST /api/dev/tokens.
/// </summary>
internal sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";
    public const string DevIssuer = "videoaspire-dev";
    public const string DevAudience = "videoaspire";

    /// <summary>The authorization policy of the operational endpoints (/api/diagnostics): a "role" claim "operator".</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>The claim and value the operator policy requires; your identity provider puts it in the token.</summary>
    public const string RoleClaim = "role";
    public const string OperatorRole = "operator";

    /// <summary>The OIDC issuer URL; its signing keys are fetched from its discovery document.</summary>
    [Url]
    public string? Authority { get; set; }

    /// <summary>The audience (client id / API identifier) tokens must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The web page's client id at the authority: a public SPA client (no secret) allowed the authorization code flow
    /// with PKCE, whose redirect URI is the page's address. Without it the page cannot sign in (GET /api/auth/config: 404).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the page asks for, space-separated; must include "openid".</summary>
    [RegularExpression("^(.* )?openid( .*)?$", ErrorMessage = "Auth:Scope must include \"openid\".")]
    public string Scope { get; set; } = "openid profile";

    /// <summary>Development only: HMAC key (at least 32 bytes) for locally minted tokens. Not a secret; never used outside Development.</summary>
    [MinLength(32)]
    public string? DevSigningKey { get; set; }

    /// <summary>
    /// True for an http:// authority on this machine (the tests' stand-in provider): only then may discovery and keys
    /// be fetched without TLS. Any other authority must be https, as a real provider is.
    /// </summary>
    public static bool IsLoopbackHttp(Uri authority) => authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Authority))
        {
            if (!string.IsNullOrEmpty(ClientId))
            {
                yield return new ValidationResult("Auth:ClientId is set without Auth:Authority: set the authority it belongs to.", [nameof(ClientId)]);
            }

            yield break;
        }

        if (Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme != Uri.UriSchemeHttps && !IsLoopbackHttp(authority))
        {
            yield return new ValidationResult(
                "Auth:Authority must be an https:// URL (http:// is accepted for localhost only, for tests).", [nameof(Authority)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;
