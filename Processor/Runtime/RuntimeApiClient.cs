using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace VideoAspire.Processor.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01) over plain HTTP. AWS_LAMBDA_RUNTIME_API is "host:port", or
/// "host:port/prefix" under the Aspire Lambda emulator, so URLs are built as text, not with a base address.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    private readonly HttpClient _http;
    private readonly string _base;

    public RuntimeApiClient(string runtimeApi)
        : this(runtimeApi, new SocketsHttpHandler())
    {
    }

    /// <summary>Over a given transport (tests answer the Runtime API in memory); the client owns it.</summary>
    public RuntimeApiClient(string runtimeApi, HttpMessageHandler transport)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        _base = "http://" + runtimeApi.TrimEnd('/') + "/2018-06-01";
        // No client timeout: "next" blocks until an event arrives, for as long as that takes.
        _http = new HttpClient(transport) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Whether a request goes to the Runtime API (any host: its path is the tell).</summary>
    public static bool IsRuntimeApi(Uri? uri) => uri?.AbsolutePath.Contains("/2018-06-01/runtime/", StringComparison.Ordinal) == true;

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"{_base}/runtime/invocation/next"), cancellationToken);
        response.EnsureSuccessStatusCode();
        var headers = response.Headers;
        return new Invocation(
            Header(headers, "Lambda-Runtime-Aws-Request-Id") ?? throw new InvalidOperationException("The runtime API sent no request id."),
            long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadline)
                ? deadline : DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds(),
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(headers, "Lambda-Runtime-Trace-Id"),
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public async Task RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri($"{_base}/runtime/invocation/{requestId}/response"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"{_base}/runtime/invocation/{requestId}/error", error, cancellationToken);

    /// <summary>Tells Lambda the function could not initialise; the process should exit afterwards.</summary>
    public Task ReportInitErrorAsync(Exception exception, CancellationToken cancellationToken) =>
        PostErrorAsync($"{_base}/runtime/init/error", RuntimeError.From(exception, "Runtime.InitError"), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string url, RuntimeError error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJson.Default.RuntimeError));
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = content };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
