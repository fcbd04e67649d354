// The whole system: S3 and DynamoDB (LocalStack, or the embedded emulators where no container runtime
// answers), the project's Lambda service emulator with the Processor as its function, and the Api.
// Settings (see AppHostSettings and README "Run"), e.g.
//   dotnet run --project AppHost -- --Processing:Mode=InProcess --Processor:Replicas=4
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoAspire.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration, builder.AppHostDirectory);

var api = builder.AddProject<Projects.Api>("api")
    .WithEnvironment("Processing__Mode", settings.ProcessingMode)
    .WithEnvironment("Processing__LambdaPercent", settings.LambdaPercent.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithEnvironment("Processing__FunctionName", AppHostSettings.FunctionName)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

AwsBackend? backend = null;
if (builder.ExecutionContext.IsRunMode)
{
    // Local only (excluded from the manifest): on AWS the backend is AWS itself, and the Processor is a
    // Lambda function deployed by Infrastructure/.
    backend = await AwsBackend.AddAsync(builder, settings);

    var lambda = builder.AddProject<Projects.LambdaEmulator>("lambda")
        .WithEnvironment($"LambdaEmulator__Functions__{AppHostSettings.FunctionName}__Timeout", settings.FunctionTimeout.ToString("c"))
        .WithHttpHealthCheck("/health")
        .ExcludeFromManifest();

    var processor = builder.AddProject<Projects.Processor>(AppHostSettings.FunctionName)
        .WithReplicas(settings.ProcessorReplicas)
        .WithEnvironment("AWS_LAMBDA_RUNTIME_API", ReferenceExpression.Create(
            $"{lambda.GetEndpoint("http").Property(EndpointProperty.HostAndPort)}/{AppHostSettings.FunctionName}"))
        .WithEnvironment("AWS_LAMBDA_FUNCTION_NAME", AppHostSettings.FunctionName)
        .WithEnvironment("AWS_ENDPOINT_URL_LAMBDA", lambda.GetEndpoint("http")) // a "sweep" event invokes the function again
        .WaitFor(lambda)
        .ExcludeFromManifest();
    backend.ConfigureClient(processor);

    backend.ConfigureClient(api)
        .WithEnvironment("Storage__BootstrapResources", "true")
        .WithEnvironment("AWS_ENDPOINT_URL_LAMBDA", lambda.GetEndpoint("http"))
        .WaitFor(lambda)
        .WaitFor(processor);
}

var app = builder.Build();
if (backend is not null)
{
    AppHostLog.BackendChosen(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VideoAspire.AppHost"), backend.Kind, backend.Reason);
}

await app.RunAsync();
