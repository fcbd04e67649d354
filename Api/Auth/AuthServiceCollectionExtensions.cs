using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace VideoAspire.Api.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer for every /api endpoint: an OIDC authority when Auth:Authority is set; otherwise, in
    /// Development only, the local dev signing key. Outside Development without an authority the Api refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddVideoAspireAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        var jwt = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (!string.IsNullOrEmpty(options.Authority))
        {
            jwt.AddJwtBearer(bearer =>
            {
                bearer.Authority = options.Authority;
                bearer.Audience = options.Audience;

                // Discovery and keys over plain http only from a provider on this machine (the browser tests' stand-in);
                // never in production, where the authority must be https (AuthOptions.Validate).
                bearer.RequireHttpsMetadata = !AuthOptions.IsLoopbackHttp(new Uri(options.Authority));
                bearer.MapInboundClaims = false;
                RefuseTokensWithoutSubject(bearer);
            });
        }
        else if (builder.Environment.IsDevelopment() && options.DevSigningKey is { Length: >= 32 } key)
        {
            var issuer = new DevTokenIssuer(key, TimeProvider.System);
            builder.Services.AddSingleton(issuer);
            jwt.AddJwtBearer(bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthOptions.DevIssuer,
                    ValidAudience = AuthOptions.DevAudience,
                    IssuerSigningKey = issuer.Key,
                };
                RefuseTokensWithoutSubject(bearer);
            });
        }
        else
        {
            throw new InvalidOperationException(
                "No token issuer is configured: set Auth:Authority (and Auth:Audience) to your OpenID Connect issuer, " +
                "or run in Development with Auth:DevSigningKey (see README, Authentication).");
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim("sub").Build())
            .AddPolicy(AuthOptions.OperatorPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(AuthOptions.RoleClaim, AuthOptions.OperatorRole));
        return builder;
    }

    /// <summary>Every caller is known by its "sub"; a token without one (or with an empty one) does not authenticate: 401.</summary>
    private static void RefuseTokensWithoutSubject(JwtBearerOptions bearer) =>
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst("sub")?.Value))
                {
                    context.Fail("The token has no subject ('sub').");
                }

                return Task.CompletedTask;
            },
        };
}
