using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Auth;

/// <summary>
/// JWT bearer authentication. In production: tokens from an OpenID Connect issuer (e.g. Amazon Cognito)
/// set by <see cref="Authority"/> and <see cref="Audience"/>. In Development only: tokens signed with
/// <see cref="DevSigningKey"/>, minted by POST /api/dev/tokens.
/// </summary>
internal sealed class AuthOptions
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

    /// <summary>Development only: HMAC key (at least 32 bytes) for locally minted tokens. Not a secret; never used outside Development.</summary>
    [MinLength(32)]
    public string? DevSigningKey { get; set; }
}

[OptionsValidator]
internal sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;
