using System.Net;
using Amazon.Runtime;
using VideoAspire.Core.Aws;

namespace VideoAspire.UnitTests.Aws;

public sealed class AwsFailuresTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequestsException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", true)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", false)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", false)]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException", false)]
    public void IsTransient_ServiceError_OnlyThrottlingAndServerErrors(HttpStatusCode status, string errorCode, bool transient)
    {
        var error = new AmazonServiceException("from the service", ErrorType.Sender, errorCode, "request-1", status);

        Assert.Equal(transient, AwsFailures.IsTransient(error));
    }

    [Fact]
    public void IsFailure_CancellationTheCallerAskedFor_IsNotAFailure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(AwsFailures.IsFailure(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.True(AwsFailures.IsFailure(new TaskCanceledException("an SDK timeout"), CancellationToken.None));
        Assert.True(AwsFailures.IsFailure(new HttpRequestException("connection refused"), CancellationToken.None));
        Assert.False(AwsFailures.IsFailure(new IOException("a local file"), CancellationToken.None));
    }
}
