using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Core.Aws;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// An S3 client for the Api (<see cref="Register"/>) that holds the upload of every segment from index
/// <paramref name="firstHeld"/> on until <see cref="Release"/>: a job then stays running with its earlier segments
/// stored, however fast the machine, so a test can look at it while it runs.
/// </summary>
public sealed class HeldSegmentUploads(AwsBackendFixture backend, int firstHeld)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    public void Register(IServiceCollection services) => services.AddSingleton(
        AwsClientFactory.CreateS3(backend.Connection, c => c.HttpClientFactory = new InterceptingHttpClientFactory(SendAsync)));

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, Func<CancellationToken, Task<HttpResponseMessage>> forward, CancellationToken cancellationToken)
    {
        if (SegmentIndex(request) >= firstHeld)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        return await forward(cancellationToken);
    }

    /// <summary>The segment a request PUTs (…/segments/0001.mp4 is 1); null for every other request.</summary>
    private static int? SegmentIndex(HttpRequestMessage request) =>
        request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath is var path
            && path.Contains("/segments/", StringComparison.Ordinal) && path.EndsWith(".mp4", StringComparison.Ordinal)
            ? int.Parse(path[^8..^4], System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
