using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Limits;

internal static class UserLimitsServiceCollectionExtensions
{
    /// <summary>Per-user fixed windows of one minute for uploads and jobs; a rejection is a 429 ProblemDetails with Retry-After.</summary>
    public static IServiceCollection AddUserLimits(this IServiceCollection services)
    {
        services.AddOptions<UserLimitsOptions>().BindConfiguration(UserLimitsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UserLimitsOptions>, UserLimitsOptionsValidator>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(UserLimitsOptions.UploadsPolicy, context => PerUser(context, o => o.UploadsPerMinute));
            limiter.AddPolicy(UserLimitsOptions.JobsPolicy, context => PerUser(context, o => o.JobsPerMinute));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return TooManyRequests.WriteAsync(rejected.HttpContext, retryAfter, "rate_limited",
                    "Too many requests of this kind from this user in the last minute.");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerUser(HttpContext context, Func<UserLimitsOptions, int> permits)
    {
        var user = context.User.FindFirstValue("sub") ?? "";
        var limit = permits(context.RequestServices.GetRequiredService<IOptions<UserLimitsOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
