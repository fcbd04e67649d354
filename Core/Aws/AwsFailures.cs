using Amazon.Runtime;

namespace VideoAspire.Core.Aws;

/// <summary>How the stores tell an AWS call that failed from one its caller cancelled, and a failure worth another try.</summary>
public static class AwsFailures
{
    /// <summary>
    /// The call failed: the service answered an error, the network broke, or the SDK timed out (a cancellation the
    /// caller did not ask for). A cancellation the caller asked for is not a failure.
    /// </summary>
    public static bool IsFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// Another try may succeed: throttling, a 5xx, the network, a timeout, after the SDK's own retries ran out.
    /// A 4xx (access denied, no such bucket or table, a refused request) will fail the same way again.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode is 0 or 429 or >= 500
            || service.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "SlowDown" or "RequestTimeout",
        AmazonClientException or HttpRequestException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };
}
