using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Limits;

/// <summary>
/// Refuses a new job while the caller already has <see cref="UserLimitsOptions.MaxActiveJobs"/> jobs queued or
/// processing: 429 too_many_active_jobs with Retry-After. Checked before anything is written.
/// </summary>
internal sealed class ActiveJobsQuotaFilter(JobStore store, IOptions<UserLimitsOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var limits = options.Value;
        var active = await store.CountActiveForUserAsync(http.User.UserId(), limits.MaxActiveJobs, http.RequestAborted);
        if (active >= limits.MaxActiveJobs)
        {
            await TooManyRequests.WriteAsync(http, limits.ActiveJobsRetryAfter, "too_many_active_jobs",
                $"You have {active} jobs queued or processing; at most {limits.MaxActiveJobs} may be at once. Try again when one has finished.");
            return EmptyHttpResult.Instance;
        }

        return await next(context);
    }
}
