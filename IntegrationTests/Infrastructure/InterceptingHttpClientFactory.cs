using Amazon.Runtime;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Gives the AWS SDK an HttpClient whose every request goes through <c>send</c>, which may hold it back, answer it
/// itself or forward it (the second argument sends it on, with the token given: <see cref="CancellationToken.None"/> lets a
/// request outlive its caller's cancellation, as a PUT already on the wire may). Lets tests make uploads finish in a chosen order, fail one,
/// or keep some in flight, and see when each one ends.
/// </summary>
internal sealed class InterceptingHttpClientFactory(
    Func<HttpRequestMessage, Func<CancellationToken, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> send) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Interceptor(send) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "intercepting";

    private sealed class Interceptor(
        Func<HttpRequestMessage, Func<CancellationToken, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> send) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            send(request, token => base.SendAsync(request, token), cancellationToken);
    }
}
