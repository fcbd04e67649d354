using System.Net;
using Amazon.Runtime;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Gives the AWS SDK an HttpClient whose handler fails chosen requests: answers 503 (throttling/5xx) or
/// drops the connection. Lets tests prove that retries absorb transient faults and that persistent ones
/// fail a job cleanly.
/// </summary>
internal sealed class FaultyHttpClientFactory(Func<HttpRequestMessage, FaultKind> decide) : HttpClientFactory
{
    private int _faults;

    /// <summary>How many requests were failed on purpose.</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>Fails the first <paramref name="count"/> requests that match, then lets everything through.</summary>
    public static FaultyHttpClientFactory FirstRequests(int count, FaultKind kind, Func<HttpRequestMessage, bool>? matches = null)
    {
        var remaining = count;
        return new FaultyHttpClientFactory(request =>
            (matches?.Invoke(request) ?? true) && Interlocked.Decrement(ref remaining) >= 0 ? kind : FaultKind.None);
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new FaultHandler(this, decide) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "faulty";

    private sealed class FaultHandler(FaultyHttpClientFactory owner, Func<HttpRequestMessage, FaultKind> decide) : DelegatingHandler
    {
        private async Task<HttpResponseMessage> LoseResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var applied = await base.SendAsync(request, cancellationToken);
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"Injected: the answer ({(int)applied.StatusCode}) was lost");
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var fault = decide(request);
            if (fault != FaultKind.None)
            {
                Interlocked.Increment(ref owner._faults);
            }

            return fault switch
            {
                FaultKind.ServiceUnavailable => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    RequestMessage = request,
                    Content = new StringContent("<Error><Code>SlowDown</Code><Message>Injected by the test</Message></Error>"),
                }),
                FaultKind.DropConnection => throw new HttpRequestException(HttpRequestError.ConnectionError, "Injected: connection dropped"),
                FaultKind.LoseResponse => LoseResponseAsync(request, cancellationToken),
                _ => base.SendAsync(request, cancellationToken),
            };
        }
    }
}

internal enum FaultKind
{
    None,
    ServiceUnavailable,
    DropConnection,

    /// <summary>The request reaches the service and is applied; the answer is lost on the way back.</summary>
    LoseResponse,
}
