using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using VideoAspire.Processor.Runtime;

namespace VideoAspire.UnitTests.Runtime;

/// <summary>The runtime loop with no job in sight: bytes in, bytes or a typed error out, over an in-memory Runtime API.</summary>
public sealed class LambdaRuntimeLoopTests : IDisposable
{
    private const string Prefix = "/processor/2018-06-01/runtime/invocation";

    private readonly FakeRuntimeApi _api = new();
    private readonly RuntimeApiClient _runtime;
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    public LambdaRuntimeLoopTests() => _runtime = new RuntimeApiClient("127.0.0.1:9001/processor", _api);

    [Fact]
    public async Task Loop_HandlerReturnsBytes_PostsThemAsTheResponse()
    {
        Invocation? seen = null;
        _api.Enqueue("req-1", "hello"u8.ToArray());

        var running = Loop((invocation, _) =>
        {
            seen = invocation;
            return Task.FromResult(InvocationResult.Success(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(invocation.Body).ToUpperInvariant())));
        }).RunAsync(_stop.Token);
        var answer = await _api.NextAnswerAsync(TestContext.Current.CancellationToken);
        await StopAsync(running);

        Assert.Equal($"{Prefix}/req-1/response", answer.Path);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("HELLO", Encoding.UTF8.GetString(answer.Body));
        Assert.Equal(new Invocation("req-1", FakeRuntimeApi.Deadline, FakeRuntimeApi.FunctionArn, FakeRuntimeApi.TraceHeader, seen!.Body), seen);
    }

    [Fact]
    public async Task Loop_HandlerReturnsError_ReportsItsTypeAndMessage()
    {
        _api.Enqueue("req-2", "{}"u8.ToArray());

        var running = Loop((_, _) => Task.FromResult(InvocationResult.Failure("Job.Retry", "given back"))).RunAsync(_stop.Token);
        var answer = await _api.NextAnswerAsync(TestContext.Current.CancellationToken);
        await StopAsync(running);

        Assert.Equal($"{Prefix}/req-2/error", answer.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", answer.ContentType);
        Assert.Equal("Job.Retry", answer.ErrorTypeHeader);
        var body = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal("Job.Retry", body.GetProperty("errorType").GetString());
        Assert.Equal("given back", body.GetProperty("errorMessage").GetString());
        Assert.Equal(0, body.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task Loop_HandlerThrows_ReportsTheExceptionTypeAndServesTheNextEvent()
    {
        _api.Enqueue("req-3", "boom"u8.ToArray());
        _api.Enqueue("req-4", "fine"u8.ToArray());

        var running = Loop((invocation, _) => invocation.RequestId == "req-3"
            ? throw new InvalidOperationException("the handler broke")
            : Task.FromResult(InvocationResult.Success(invocation.Body))).RunAsync(_stop.Token);
        var first = await _api.NextAnswerAsync(TestContext.Current.CancellationToken);
        var second = await _api.NextAnswerAsync(TestContext.Current.CancellationToken);
        await StopAsync(running);

        Assert.Equal($"{Prefix}/req-3/error", first.Path);
        Assert.Equal("InvalidOperationException", first.ErrorTypeHeader);
        var error = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("the handler broke", error.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal($"{Prefix}/req-4/response", second.Path);
        Assert.Equal("fine", Encoding.UTF8.GetString(second.Body));
    }

    [Fact]
    public async Task Loop_CancelledWhileWaitingForAnEvent_Stops()
    {
        var called = false;
        var running = Loop((_, _) =>
        {
            called = true;
            return Task.FromResult(InvocationResult.Success([]));
        }).RunAsync(_stop.Token);

        await _stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(running.IsCompletedSuccessfully);
        Assert.False(called);
    }

    [Fact]
    public async Task Loop_CancelledDuringAnInvocation_StillPostsTheHandlersAnswer()
    {
        _api.Enqueue("req-5", "{}"u8.ToArray());

        var running = Loop(async (_, cancellationToken) =>
        {
            await _stop.CancelAsync(); // shutdown arrives mid-invocation; the handler gives its work back
            return cancellationToken.IsCancellationRequested
                ? InvocationResult.Failure("Job.Retry", "shut down")
                : InvocationResult.Success([]);
        }).RunAsync(_stop.Token);
        var answer = await _api.NextAnswerAsync(TestContext.Current.CancellationToken);
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal($"{Prefix}/req-5/error", answer.Path);
        Assert.Equal("Job.Retry", answer.ErrorTypeHeader);
    }

    [Fact]
    public async Task Loop_RuntimeApiFails_ThrowsHttpRequestException()
    {
        _api.NextStatus = HttpStatusCode.InternalServerError;

        var loop = Loop((_, _) => Task.FromResult(InvocationResult.Success([])));

        await Assert.ThrowsAsync<HttpRequestException>(() => loop.RunAsync(_stop.Token));
    }

    public void Dispose()
    {
        _stop.Dispose();
        _runtime.Dispose();
    }

    private LambdaRuntimeLoop Loop(Func<Invocation, CancellationToken, Task<InvocationResult>> handle) =>
        new(_runtime, new DelegateHandler(handle), new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<LambdaRuntimeLoop>.Instance);

    private async Task StopAsync(Task running)
    {
        await _stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private sealed class DelegateHandler(Func<Invocation, CancellationToken, Task<InvocationResult>> handle) : IInvocationHandler
    {
        public Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken) => handle(invocation, cancellationToken);
    }
}
