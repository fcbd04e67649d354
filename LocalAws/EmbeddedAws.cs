using System.Text.Json;
using VideoAspire.Core.Processes;

namespace VideoAspire.LocalAws;

/// <summary>
/// S3 (s3rver) and DynamoDB (dynalite) running in one Node child process on free loopback ports.
/// Dispose stops them; the child also exits by itself when this process dies (it watches its stdin).
/// </summary>
public sealed class EmbeddedAws : IAsyncDisposable
{
    /// <summary>
    /// s3rver's documented key pair: the embedded S3 verifies SigV4 signatures made with it (tools/local-aws/sigv4.js),
    /// so presigned URLs expire and tampered or unsigned requests get S3's 403s. Any region; service s3.
    /// </summary>
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
        var ownsData = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("videoaspire-local-aws-").FullName;
        LocalAwsCommand command;
        try
        {
            command = LocalAwsCommand.Create(LocalAwsService.All, dataDirectory, exitWithStdin: true, options);
        }
        catch
        {
            DeleteQuietly(dataDirectory, ownsData);
            throw;
        }

        Directory.CreateDirectory(dataDirectory);
        var process = ChildProcess.Start(command.ToProcessSpec());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            var (s3, dynamoDb) = await ReadEndpointsAsync(process, timeout.Token);
            await EndpointProbe.WaitUntilAnsweringAsync(new Uri(s3, LocalAwsCommand.S3HealthPath), timeout.Token);
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

    /// <summary>The configuration key of the S3 endpoint in <see cref="ClientSettings"/>' section.</summary>
    public const string S3ServiceUrlKey = "Aws:S3ServiceUrl";

    /// <summary>The configuration key of the DynamoDB endpoint.</summary>
    public const string DynamoDbServiceUrlKey = "Aws:DynamoDbServiceUrl";

    /// <summary>
    /// The one list of client settings for the emulators, besides the two endpoints: region (signing only), key pair,
    /// path-style addressing, plain upload bodies (s3rver cannot decode aws-chunked) and SDK checksums only where an
    /// operation requires them. Ordinary <c>Aws</c> options: the AppHost gives them to its resources as environment
    /// variables, the tests as configuration; production code has no emulator switch.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>
    {
        ["Aws:Region"] = Region,
        ["Aws:AccessKeyId"] = AccessKeyId,
        ["Aws:SecretAccessKey"] = SecretAccessKey,
        ["Aws:ForcePathStyle"] = "true",
        ["Aws:UseChunkEncoding"] = "false",
        ["Aws:RequestChecksumCalculation"] = "WHEN_REQUIRED",
        ["Aws:ResponseChecksumValidation"] = "WHEN_REQUIRED",
    };

    /// <summary>Configuration that points <c>AwsOptions</c> at these emulators, with <see cref="ClientSettings"/>.</summary>
    public IReadOnlyDictionary<string, string?> ToConfiguration()
    {
        var configuration = ClientSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        configuration[S3ServiceUrlKey] = S3ServiceUrl.ToString();
        configuration[DynamoDbServiceUrlKey] = DynamoDbServiceUrl.ToString();
        return configuration;
    }

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
