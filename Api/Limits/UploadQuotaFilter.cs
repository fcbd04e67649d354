using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Limits;

/// <summary>
/// Refuses an upload that would take the caller past <see cref="UserLimitsOptions.MaxUploadBytesPerDay"/>: the
/// bytes of their uploads stored in the last 24 hours plus the size now declared. 429 upload_quota_exceeded,
/// with Retry-After until the oldest counted upload leaves the window.
/// </summary>
internal sealed class UploadQuotaFilter(ObjectStore objects, IOptions<UserLimitsOptions> options, TimeProvider timeProvider) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments.OfType<CreateUploadRequest>().FirstOrDefault() is not { SizeBytes: > 0 } request)
        {
            return await next(context); // the handler's validation answers
        }

        var http = context.HttpContext;
        var limit = options.Value.MaxUploadBytesPerDay;
        var now = timeProvider.GetUtcNow();
        var (used, oldest) = await objects.SumStoredSinceAsync(StorageLayout.UploadsPrefix(http.User.UserId()), now - Window, http.RequestAborted);
        if (used + request.SizeBytes > limit)
        {
            var retryAfter = oldest is { } first ? first + Window - now : Window;
            await TooManyRequests.WriteAsync(http, retryAfter, "upload_quota_exceeded",
                $"You uploaded {used} bytes in the last 24 hours; with {request.SizeBytes} more you would pass the {limit} allowed.");
            return EmptyHttpResult.Instance;
        }

        return await next(context);
    }
}
