using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;
using VideoAspire.LambdaEmulator.Functions;

namespace VideoAspire.IntegrationTests.Lambda;

/// <summary>
/// The Lambda service emulator on its own, with the test playing the function instance over the Runtime
/// API: the contract the Processor and the Api rely on (DESIGN section 5), error shapes, retries, deadlines.
/// </summary>
public sealed class LambdaEmulatorTests : IAsyncLifetime
{
    private const string Function = LambdaHarness.FunctionName;
    private LambdaHarness _lambda = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _lambda = await LambdaHarness.StartEmulatorAsync();
        _http = new HttpClient { BaseAddress = _lambda.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task RequestResponse_DeliversWithLambdaHeadersAndReturnsTheResponse()
    {
        var invoke = InvokeAsync("""{"hello":"world"}""", "RequestResponse");

        using var next = await NextAsync();
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");
        var deadline = long.Parse(Header(next, "Lambda-Runtime-Deadline-Ms"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("""{"hello":"world"}""", await next.Content.ReadAsStringAsync(Ct));
        Assert.InRange(deadline - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 14 * 60_000, 15 * 60_000);
        Assert.EndsWith($":function:{Function}", Header(next, "Lambda-Runtime-Invoked-Function-Arn"), StringComparison.Ordinal);
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$", Header(next, "Lambda-Runtime-Trace-Id"));
        using var posted = await PostAsync($"invocation/{requestId}/response", """{"ok":true}""");
        using var response = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task RequestResponse_FunctionError_Is200WithXAmzFunctionError()
    {
        var invoke = InvokeAsync("{}", "RequestResponse");

        using var next = await NextAsync();
        using var posted = await PostAsync($"invocation/{Header(next, "Lambda-Runtime-Aws-Request-Id")}/error",
            """{"errorMessage":"boom","errorType":"Boom"}""", errorType: "Boom");
        using var response = await invoke;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Contains("boom", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_Is202AndAFunctionErrorIsRetriedTwiceThenDiscarded()
    {
        using var response = await InvokeAsync("""{"n":1}""", "Event");
        var requestIds = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var next = await NextAsync();
            requestIds.Add(Header(next, "Lambda-Runtime-Aws-Request-Id"));
            Assert.Equal("""{"n":1}""", await next.Content.ReadAsStringAsync(Ct));
            using var _ = await PostAsync($"invocation/{requestIds[^1]}/error", """{"errorMessage":"x","errorType":"X"}""", errorType: "X");
        }

        var ended = await _lambda.WaitForResultsAsync(3, TimeSpan.FromSeconds(10));
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var fourth = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.GetAsync(RuntimeUri("invocation/next"), quiet.Token));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, requestIds.Distinct().Count());
        Assert.Equal([1, 2, 3], ended.Select(r => r.Attempt));
        Assert.All(ended, r => Assert.Equal("X", r.ErrorType));
        Assert.NotNull(fourth);
    }

    [Fact]
    public async Task Event_SuccessIsNotRetried()
    {
        using var response = await InvokeAsync("{}", "Event");
        using (var next = await NextAsync())
        {
            using var _ = await PostAsync($"invocation/{Header(next, "Lambda-Runtime-Aws-Request-Id")}/response", "{}");
        }

        await _lambda.WaitForResultsAsync(1, TimeSpan.FromSeconds(10));
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.GetAsync(RuntimeUri("invocation/next"), quiet.Token));
        Assert.Single(_lambda.Ended);
    }

    [Fact]
    public async Task UnansweredInvocation_TimesOutAtTheDeadlineAndALateAnswerIsRefused()
    {
        _lambda.Options.Functions[Function].Timeout = TimeSpan.FromSeconds(1);
        var invoke = InvokeAsync("{}", "RequestResponse");

        using var next = await NextAsync();
        using var response = await invoke;
        using var late = await PostAsync($"invocation/{Header(next, "Lambda-Runtime-Aws-Request-Id")}/response", "{}");

        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(InvocationResult.TimeoutErrorType, error.GetProperty("errorType").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task InstanceThatHangsUpBeforeAnEventArrives_LosesNothing()
    {
        // If the hung-up poll still takes the event (the emulator may not have seen the disconnect yet), the
        // event times out unanswered and is delivered again, as Lambda does: either way the next poll gets it.
        _lambda.Options.Functions[Function].Timeout = TimeSpan.FromSeconds(2);
        using (var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.GetAsync(RuntimeUri("invocation/next"), gone.Token));
        }

        using var response = await InvokeAsync("""{"kept":true}""", "Event");
        using var next = await NextAsync();

        Assert.Equal("""{"kept":true}""", await next.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("no-such-function", "Event", "{}", 404, "ResourceNotFoundException")]
    [InlineData(Function, "DryRunPlease", "{}", 400, "InvalidParameterValueException")]
    [InlineData(Function, "Event", "not json", 400, "InvalidRequestContentException")]
    public async Task BadInvoke_IsRefusedWithLambdasErrorShape(string function, string type, string payload, int status, string errorType)
    {
        using var response = await InvokeAsync(payload, type, function);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Empty(_lambda.Invokes);
    }

    [Fact]
    public async Task OversizedEvent_Is413()
    {
        var payload = $$"""{"blob":"{{new string('a', 1024 * 1024)}}"}""";

        using var response = await InvokeAsync(payload, "Event");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestTooLargeException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task ResponseForAnUnknownRequestId_IsRefused()
    {
        using var response = await PostAsync("invocation/not-a-request/response", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InitError_IsRecorded()
    {
        using var response = await PostAsync("init/error", """{"errorMessage":"bad config","errorType":"Runtime.InitError"}""", errorType: "Runtime.InitError");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("bad config", Assert.Single(_lambda.Log.InitErrors), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _lambda.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri RuntimeUri(string path) => new($"{Function}/2018-06-01/runtime/{path}", UriKind.Relative);

    private async Task<HttpResponseMessage> InvokeAsync(string payload, string type, string function = Function)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"2015-03-31/functions/{function}/invocations", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", type);
        return await _http.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> NextAsync()
    {
        var response = await _http.GetAsync(RuntimeUri("invocation/next"), Ct);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RuntimeUri(path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (errorType is not null)
        {
            request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        }

        return await _http.SendAsync(request, Ct);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
