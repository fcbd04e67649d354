using System.Net;
using VideoAspire.Core.Lambda;

namespace VideoAspire.UnitTests.Lambda;

/// <summary>
/// LambdaInvoker is the Lambda boundary: whatever stops a call from reaching the function (a refused connection, the
/// HTTP pipeline's own timeout) leaves it as a transient <see cref="LambdaInvokeException"/>; the caller's own
/// cancellation passes through as cancellation.
/// </summary>
public sealed class LambdaInvokerTests
{
    [Fact]
    public async Task Invoke_ConnectionRefused_IsATransientInvokeFailure()
    {
        var invoker = new LambdaInvoker(Client(_ => throw new HttpRequestException("Connection refused")));

        var e = await Assert.ThrowsAsync<LambdaInvokeException>(() => invoker.InvokeEventAsync("f", [], TestContext.Current.CancellationToken));

        Assert.True(e.IsTransient);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PipelineTimesOut_IsATransientInvokeFailureNotACancellation()
    {
        // What HttpClient.Timeout (and a resilience handler's timeout) throws: a cancellation the caller did not ask for.
        var invoker = new LambdaInvoker(Client(_ => throw new TaskCanceledException("The request was canceled due to the configured timeout")));

        var e = await Assert.ThrowsAsync<LambdaInvokeException>(() => invoker.InvokeEventAsync("f", [], TestContext.Current.CancellationToken));

        Assert.True(e.IsTransient);
        Assert.Contains("did not answer in time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CallerCancels_IsACancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var invoker = new LambdaInvoker(Client(token => throw new TaskCanceledException(null, null, token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.InvokeEventAsync("f", [], cancelled.Token));
    }

    [Fact]
    public async Task Invoke_Throttled_IsATransientRefusal()
    {
        var invoker = new LambdaInvoker(Client(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)));

        var e = await Assert.ThrowsAsync<LambdaInvokeException>(() => invoker.InvokeEventAsync("f", [], TestContext.Current.CancellationToken));

        Assert.True(e.IsTransient);
    }

    private static HttpClient Client(Func<CancellationToken, HttpResponseMessage> answer) =>
        new(new Answering(answer)) { BaseAddress = new Uri("http://lambda.test/") };

    private sealed class Answering(Func<CancellationToken, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(cancellationToken));
    }
}
