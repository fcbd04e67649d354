using System.Net.Sockets;

namespace VideoAspire.LocalAws;

/// <summary>
/// Answers "does a container runtime respond here?" by calling the Docker engine API's /_ping on
/// DOCKER_HOST or /var/run/docker.sock, as the Docker CLI would (Podman's socket answers the same way).
/// The AppHost and the integration tests use it to choose LocalStack or the embedded emulators.
/// </summary>
public static class ContainerRuntime
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            if (host is not null && host.StartsWith("tcp://", StringComparison.Ordinal))
            {
                using var tcp = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
                return await PingAsync(tcp, new Uri(string.Concat("http://", host.AsSpan(6), "/_ping")), cancellationToken);
            }

            var socket = host is not null && host.StartsWith("unix://", StringComparison.Ordinal) ? host[7..] : DefaultSocket;
            if (!File.Exists(socket))
            {
                return false;
            }

            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                },
            };
            using var unix = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
            return await PingAsync(unix, new Uri("http://localhost/_ping"), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(HttpClient client, Uri ping, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(ping, cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
