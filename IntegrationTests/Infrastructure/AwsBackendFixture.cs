using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Testcontainers.LocalStack;
using VideoAspire.Core.Aws;
using VideoAspire.LocalAws;

[assembly: AssemblyFixture(typeof(VideoAspire.IntegrationTests.Infrastructure.AwsBackendFixture))]

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// One real S3 + DynamoDB backend for the whole test run, chosen in this order:
/// VIDEOASPIRE_TEST_AWS_ENDPOINT &gt; LocalStack via Testcontainers when a Docker engine answers &gt; the embedded emulators.
/// Everything above this class sees only configuration, resolved exactly as the services resolve theirs.
/// An assembly fixture: test classes take it in their constructor and run in parallel, each on its own bucket and
/// table names (<see cref="UniqueName"/>), so no class sees another's data and none needs cleaning up.
/// </summary>
public sealed class AwsBackendFixture : IAsyncLifetime
{
    public const string EndpointVariable = "VIDEOASPIRE_TEST_AWS_ENDPOINT";
    public const string LocalStackImage = "localstack/localstack:4.14.0";

    private IAsyncDisposable? _owned;

    public AwsBackendKind Kind { get; private set; }

    /// <summary>
    /// Settings every service under test starts with besides the backend's: x264's ultrafast preset. The tests check
    /// cut points, overlays, outcomes and cleanup, never compression, and ultrafast needs well under half the CPU of
    /// the production default (veryfast) for the same re-encode, which is most of the suite's time on a 2-core machine.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> TestServiceSettings = new Dictionary<string, string?>
    {
        ["Video:X264Preset"] = "ultrafast",
    };

    /// <summary>The "Aws:*" settings that point a service at this backend, and <see cref="TestServiceSettings"/>.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; private set; } = new Dictionary<string, string?>();

    public AwsConnection Connection { get; private set; } = null!;

    public string Description => $"{Kind} ({Connection.S3ServiceUrl}, {Connection.DynamoDbServiceUrl})";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint)
        {
            Kind = AwsBackendKind.Environment;
            Configuration = LocalStackSettings(endpoint);
        }
        else if (await ContainerRuntime.IsAvailableAsync(cancellationToken))
        {
            var container = new LocalStackBuilder(LocalStackImage)
                .WithEnvironment("SERVICES", "s3,dynamodb")
                .Build();
            _owned = container;
            await container.StartAsync(cancellationToken);
            Kind = AwsBackendKind.LocalStackContainer;
            Configuration = LocalStackSettings(container.GetConnectionString());
        }
        else
        {
            var emulators = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions(), cancellationToken);
            _owned = emulators;
            Kind = AwsBackendKind.Embedded;
            Configuration = emulators.ToConfiguration();
        }

        Configuration = new Dictionary<string, string?>(Configuration.Concat(TestServiceSettings));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
        var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
        Connection = AwsConnection.Resolve(options, configuration);
        TestContext.Current.SendDiagnosticMessage($"AWS backend for integration tests: {Description}");
    }

    public IAmazonS3 CreateS3() => AwsClientFactory.CreateS3(Connection);

    public IAmazonDynamoDB CreateDynamoDb() => AwsClientFactory.CreateDynamoDb(Connection);

    /// <summary>A bucket- and table-safe name unique to one test class or test.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> LocalStackSettings(string endpoint) => new()
    {
        ["Aws:ServiceUrl"] = endpoint,
        ["Aws:Region"] = "us-east-1",
        ["Aws:AccessKeyId"] = "test",
        ["Aws:SecretAccessKey"] = "test",
    };
}
