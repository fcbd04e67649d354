using VideoAspire.LocalAws;

namespace VideoAspire.AppHost;

/// <summary>
/// S3 and DynamoDB for the other resources: LocalStack in a container, or the embedded emulators as two
/// executable resources (the same tools/local-aws command the tests run).
/// <see cref="ConfigureClient"/> points a service at it and makes it wait until the backend is healthy.
/// </summary>
internal sealed class AwsBackend
{
    public const string LocalStackImage = "localstack/localstack";
    public const string LocalStackTag = "4.14.0";

    private readonly Action<IResourceBuilder<ProjectResource>> _configure;

    private AwsBackend(AwsBackendKind kind, string reason, Action<IResourceBuilder<ProjectResource>> configure)
    {
        Kind = kind;
        Reason = reason;
        _configure = configure;
    }

    public AwsBackendKind Kind { get; }

    /// <summary>Why this backend was chosen, for the start-up log.</summary>
    public string Reason { get; }

    public static async Task<AwsBackend> AddAsync(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var (kind, reason) = settings.Backend switch
        {
            AwsBackendKind.LocalStack => (AwsBackendKind.LocalStack, "Aws:Backend=LocalStack"),
            AwsBackendKind.Embedded => (AwsBackendKind.Embedded, "Aws:Backend=Embedded"),
            _ when await ContainerRuntime.IsAvailableAsync(CancellationToken.None) =>
                (AwsBackendKind.LocalStack, "a container runtime answered (set Aws:Backend=Embedded to use the Node emulators)"),
            _ => (AwsBackendKind.Embedded, "no container runtime answered on DOCKER_HOST or /var/run/docker.sock"),
        };
        return kind == AwsBackendKind.LocalStack ? AddLocalStack(builder, reason) : AddEmbedded(builder, settings, reason);
    }

    public IResourceBuilder<ProjectResource> ConfigureClient(IResourceBuilder<ProjectResource> service)
    {
        _configure(service);
        return service;
    }

    private static AwsBackend AddLocalStack(IDistributedApplicationBuilder builder, string reason)
    {
        var localstack = builder.AddContainer("localstack", LocalStackImage, LocalStackTag)
            .WithEnvironment("SERVICES", "s3,dynamodb")
            .WithHttpEndpoint(targetPort: 4566, name: "http")
            .WithHttpHealthCheck("/_localstack/health", endpointName: "http")
            .ExcludeFromManifest();
        return new AwsBackend(AwsBackendKind.LocalStack, reason, service =>
        {
            service.WithEnvironment("AWS_ENDPOINT_URL", localstack.GetEndpoint("http"))
                .WithEnvironment("AWS_REGION", "us-east-1")
                .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
                .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test");
            service.WaitFor(localstack);
        });
    }

    private static AwsBackend AddEmbedded(IDistributedApplicationBuilder builder, AppHostSettings settings, string reason)
    {
        var s3 = AddEmulator(builder, "s3", LocalAwsService.S3, settings.DataDirectory!);
        var dynamoDb = AddEmulator(builder, "dynamodb", LocalAwsService.DynamoDb, settings.DataDirectory!);
        return new AwsBackend(AwsBackendKind.Embedded, $"{reason}; data in {settings.DataDirectory}", service =>
        {
            foreach (var (key, value) in EmbeddedAws.ClientSettings)
            {
                service.WithEnvironment(EnvironmentName(key), value);
            }

            service.WithEnvironment(EnvironmentName(EmbeddedAws.S3ServiceUrlKey), s3.GetEndpoint("http"))
                .WithEnvironment(EnvironmentName(EmbeddedAws.DynamoDbServiceUrlKey), dynamoDb.GetEndpoint("http"));
            service.WaitFor(s3).WaitFor(dynamoDb);
        });
    }

    private static IResourceBuilder<ExecutableResource> AddEmulator(
        IDistributedApplicationBuilder builder, string name, LocalAwsService service, string dataDirectory)
    {
        var command = LocalAwsCommand.Create(service, dataDirectory, exitWithStdin: false);
        return builder.AddExecutable(name, command.Node, command.WorkingDirectory, [.. command.Arguments])
            .WithHttpEndpoint(name: "http", env: "PORT", isProxied: false)
            .WithHttpHealthCheck(LocalAwsCommand.HealthPath(service), endpointName: "http")
            .ExcludeFromManifest();
    }

    private static string EnvironmentName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);
}
