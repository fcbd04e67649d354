using VideoAspire.Core.Processes;

namespace VideoAspire.LocalAws;

/// <summary>
/// The one way to launch the embedded emulators: <c>node server.js --service ... --data-dir ...</c> in
/// tools/local-aws. <see cref="EmbeddedAws"/> runs it as a child process; the AppHost runs the same
/// command as Aspire executable resources.
/// </summary>
public sealed record LocalAwsCommand(string Node, string WorkingDirectory, IReadOnlyList<string> Arguments)
{
    /// <summary>Finds Node and tools/local-aws (or says exactly what is missing) and builds the command.</summary>
    /// <param name="service">Which emulator(s) to run.</param>
    /// <param name="dataDirectory">Where they keep buckets and tables (s3/ and dynamodb/ below it).</param>
    /// <param name="exitWithStdin">Exit when stdin closes: set when the caller owns the process through a pipe.</param>
    /// <param name="options">Where Node and the tools are; null = found on PATH and above the app.</param>
    public static LocalAwsCommand Create(LocalAwsService service, string dataDirectory, bool exitWithStdin, EmbeddedAwsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        options ??= new EmbeddedAwsOptions();
        var node = NodeLocator.Find(options.Node);
        var tools = LocalAwsTools.Locate(options.ToolsDirectory);
        List<string> arguments = [tools.ServerScript, "--service", ServiceArgument(service), "--data-dir", Path.GetFullPath(dataDirectory)];
        if (exitWithStdin)
        {
            arguments.Add("--exit-with-stdin");
        }

        return new LocalAwsCommand(node, tools.Directory, arguments);
    }

    /// <summary>
    /// The path a health probe GETs, unsigned: the S3 emulator answers every other request only when it carries a
    /// valid SigV4 signature (tools/local-aws/sigv4.js), and '_local-aws' is no valid bucket name, so no bucket hides it.
    /// </summary>
    public const string S3HealthPath = "/_local-aws/health";

    /// <summary>What to probe on an emulator of <paramref name="service"/>: dynalite answers any unsigned GET.</summary>
    public static string HealthPath(LocalAwsService service) => service == LocalAwsService.DynamoDb ? "/" : S3HealthPath;

    public ProcessSpec ToProcessSpec() => new(Node, Arguments) { WorkingDirectory = WorkingDirectory };

    private static string ServiceArgument(LocalAwsService service) => service switch
    {
        LocalAwsService.All => "all",
        LocalAwsService.S3 => "s3",
        LocalAwsService.DynamoDb => "dynamodb",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown emulator."),
    };
}
