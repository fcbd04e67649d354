using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoAspire.BrowserTests.Infrastructure;

/// <summary>
/// A stand-in for an OpenID Connect provider, only what the page's authorization code flow with PKCE needs, on a free
/// loopback port (plain http: the Api accepts that for a loopback authority only): the discovery document, the JWKS
/// (one RSA key), /authorize, which signs in <see cref="UserName"/> at once (no login form) and checks a S256 PKCE
/// challenge is sent, and /token, which redeems a code once and only with the verifier of that challenge, issuing an
/// RS256 access token for the Api (<see cref="Audience"/>) and an ID token for the page (<see cref="ClientId"/>).
/// Not a provider to run anything with: no consent, no client registry beyond one id, no refresh tokens.
/// </summary>
public sealed class OidcProviderStandIn : IAsyncDisposable
{
    public const string ClientId = "videoaspire-page";
    public const string Audience = "videoaspire-api";
    public const string UserName = "grace";
    public const string Subject = "user-grace-1";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stand-in-key" };
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private WebApplication? _app;

    /// <summary>The issuer, e.g. http://127.0.0.1:41234 (no trailing slash): Auth:Authority for the Api.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Every /authorize request's query string, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorizeRequests { get; } = new();

    /// <summary>Every /token request's outcome: "issued", or "refused: why".</summary>
    public ConcurrentQueue<string> TokenOutcomes { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(AllowAnyOrigin);
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", () => Results.Json(new { keys = new[] { PublicJwk() } }));
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        await _app.StartAsync();
        Issuer = _app.Urls.Single().TrimEnd('/');
    }

    /// <summary>The page fetches discovery and redeems codes from its own origin: CORS, as real providers allow for SPA clients.</summary>
    private static Task AllowAnyOrigin(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers.AccessControlAllowHeaders = "*";
            context.Response.Headers.AccessControlAllowMethods = "GET, POST";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new List<string> { "code" },
        ["subject_types_supported"] = new List<string> { "public" },
        ["id_token_signing_alg_values_supported"] = new List<string> { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new List<string> { "S256" },
        ["grant_types_supported"] = new List<string> { "authorization_code" },
    });

    private Dictionary<string, object?> PublicJwk()
    {
        var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = SecurityAlgorithms.RsaSha256, ["kid"] = _key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        AuthorizeRequests.Enqueue(query);
        var value = (string name) => query.GetValueOrDefault(name) ?? "";
        if (value("client_id") != ClientId || value("response_type") != "code" || !Uri.TryCreate(value("redirect_uri"), UriKind.Absolute, out var redirect))
        {
            return Results.BadRequest("Unknown client, response type other than code, or no redirect_uri.");
        }

        if (value("code_challenge_method") != "S256" || value("code_challenge").Length != 43)
        {
            return Results.BadRequest("PKCE is required: code_challenge (S256) missing.");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(value("code_challenge"), redirect.ToString(), query.GetValueOrDefault("nonce"), value("scope"));
        var back = $"{redirect}{(redirect.Query.Length > 0 ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(value("state"))}";
        return Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var refusal = Refusal(form, out var pending);
        if (refusal is not null)
        {
            TokenOutcomes.Enqueue($"refused: {refusal}");
            return Results.Json(new { error = "invalid_grant", error_description = refusal }, statusCode: StatusCodes.Status400BadRequest);
        }

        TokenOutcomes.Enqueue("issued");
        return Results.Json(new
        {
            access_token = Token(Audience, new() { ["scope"] = pending!.Scope }),
            id_token = Token(ClientId, pending.Nonce is null ? [] : new() { ["nonce"] = pending.Nonce }),
            token_type = "Bearer",
            expires_in = (int)TokenLifetime.TotalSeconds,
            scope = pending.Scope,
        });
    }

    /// <summary>Why a token request is refused (RFC 6749 5.2 invalid_grant; RFC 7636 4.6 for the verifier), or null.</summary>
    private string? Refusal(IFormCollection form, out PendingCode? pending)
    {
        pending = null;
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId)
        {
            return "grant type or client id";
        }

        if (!_codes.TryRemove(form["code"].ToString(), out pending))
        {
            return "unknown or used code";
        }

        if (form["redirect_uri"] != pending.RedirectUri)
        {
            return "redirect_uri differs from the one authorized";
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(pending.Challenge))
            ? null
            : "code_verifier does not match the code_challenge";
    }

    private string Token(string audience, Dictionary<string, object> claims)
    {
        claims["sub"] = Subject;
        claims["preferred_username"] = UserName;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Rsa.Dispose();
    }

    private sealed record PendingCode(string Challenge, string RedirectUri, string? Nonce, string Scope);
}
