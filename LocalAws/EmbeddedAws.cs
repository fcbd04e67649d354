using System.Text.Json;
using VideoAspire.Core.Processes;

namespace VideoAspire.LocalAws;

/// <summary>
/// S3 (s3rver) and DynamoDB (dynalite) running in one Node child process on free loopback ports.
/// Dispose stops them; the child also exits by itself when this process dies (it watches its stdin).
/// </summary>
public sealed class EmbeddedAws : IAsyncDisposable
{
    /// <summary>s3rver's built-in key pair: it verifies SigV4 signatures made with it, presigned URLs included.</summary>
    public const string AccessKeyId = "S3RVER";
    public const string SecretAccessKey = "S3RVER";
    public const string Region = "us-east-1";

    private readonly ChildProcess _process;
    private readonly bool _ownsDataDirectory;
    private int _disposed;

    private EmbeddedAws(ChildProcess process, Uri s3, Uri dynamoDb, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        S3ServiceUrl = s3;
        DynamoDbServiceUrl = dynamoDb;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public Uri S3ServiceUrl { get; }

    public Uri DynamoDbServiceUrl { get; }

    public string DataDirectory { get; }

    /// <summary>The emulators' process id (for diagnostics and for tests that check nothing is left behind).</summary>
    public int ProcessId => _process.Id;

    public static async Task<EmbeddedAws> StartAsync(EmbeddedAwsOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var node = NodeLocator.Find(options.Node);
        var tools = LocalAwsTools.Locate(options.ToolsDirectory);
        var ownsData = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("videoaspire-local-aws-").FullName;
        Directory.CreateDirectory(dataDirectory);

        var process = ChildProcess.Start(new ProcessSpec(node, [tools.ServerScript, "--data-dir", dataDirectory])
        {
            WorkingDirectory = tools.Directory,
        });
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            var (s3, dynamoDb) = await ReadEndpointsAsync(process, timeout.Token);
            await EndpointProbe.WaitUntilAnsweringAsync(s3, timeout.Token);
            await EndpointProbe.WaitUntilAnsweringAsync(dynamoDb, timeout.Token);
            return new EmbeddedAws(process, s3, dynamoDb, dataDirectory, ownsData);
        }
        catch
        {
            await process.DisposeAsync();
            DeleteQuietly(dataDirectory, ownsData);
            throw;
        }
    }

    /// <summary>Configuration that points <c>AwsOptions</c> at these emulators, with their quirks switched on.</summary>
    public IReadOnlyDictionary<string, string?> ToConfiguration() => new Dictionary<string, string?>
    {
        ["Aws:S3ServiceUrl"] = S3ServiceUrl.ToString(),
        ["Aws:DynamoDbServiceUrl"] = DynamoDbServiceUrl.ToString(),
        ["Aws:Region"] = Region,
        ["Aws:AccessKeyId"] = AccessKeyId,
        ["Aws:SecretAccessKey"] = SecretAccessKey,
        ["Aws:ForcePathStyle"] = "true",
        ["Aws:Emulator:DisableChunkedUploads"] = "true",
        ["Aws:Emulator:ChecksumsOnlyWhenRequired"] = "true",
        ["Aws:Emulator:AbortMultipartIsBestEffort"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _process.DisposeAsync();
        DeleteQuietly(DataDirectory, _ownsDataDirectory);
    }

    private static async Task<(Uri S3, Uri DynamoDb)> ReadEndpointsAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        string? line;
        try
        {
            line = await process.ReadLineAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!process.HasExited)
        {
            throw new LocalAwsUnavailableException(
                $"The local AWS emulators did not report their endpoints in time. stderr:\n{process.StderrTail}");
        }

        if (line is null)
        {
            throw new LocalAwsUnavailableException(
                $"The local AWS emulators exited during start. stderr:\n{process.StderrTail}");
        }

        var endpoints = JsonSerializer.Deserialize<EndpointsLine>(line, JsonSerializerOptions.Web)
            ?? throw new LocalAwsUnavailableException($"Unexpected output from the local AWS emulators: {line}");
        return (new Uri(endpoints.S3), new Uri(endpoints.DynamoDb));
    }

    private static void DeleteQuietly(string directory, bool owned)
    {
        if (!owned)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: the OS cleans it up eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private sealed record EndpointsLine(string S3, [property: System.Text.Json.Serialization.JsonPropertyName("dynamodb")] string DynamoDb);
}
