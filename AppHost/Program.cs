// The whole system on a machine with Docker: LocalStack (S3, DynamoDB), the Processor as a Lambda
// function behind the Aspire Lambda service emulator, and the Api dispatching to it.
// LocalStack is pinned to 4.14.0: Testcontainers 4.16 refuses >= 4.15 without an auth token, and the
// integration tests run the same image. Switch processing with AppHost configuration, e.g.
//   dotnet run --project AppHost -- --Processing:Mode=InProcess
//   dotnet run --project AppHost -- --Processing:LambdaPercent=50
#pragma warning disable CA2252 // Aspire.Hosting.AWS marks its Lambda support as a preview feature.
using Amazon;

var builder = DistributedApplication.CreateBuilder(args);

var awsConfig = builder.AddAWSSDKConfig().WithRegion(RegionEndpoint.USEast1);

var localstack = builder.AddContainer("localstack", "localstack/localstack", "4.14.0")
    .WithEnvironment("SERVICES", "s3,dynamodb")
    .WithHttpEndpoint(targetPort: 4566, name: "http")
    .WithHttpHealthCheck("/_localstack/health", endpointName: "http");

var lambdaEmulator = builder.AddAWSLambdaServiceEmulator();

var processor = builder.AddAWSLambdaFunction<Projects.Processor>("processor", lambdaHandler: "Processor")
    .WithReference(awsConfig)
    .WithEnvironment("AWS_ENDPOINT_URL", localstack.GetEndpoint("http"))
    .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
    .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test")
    .WaitFor(localstack);

builder.AddProject<Projects.Api>("api")
    .WithReference(awsConfig)
    .WithEnvironment("AWS_ENDPOINT_URL", localstack.GetEndpoint("http"))
    .WithEnvironment("AWS_ENDPOINT_URL_LAMBDA", lambdaEmulator.GetEndpoint("http"))
    .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
    .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test")
    .WithEnvironment("Storage__BootstrapResources", "true")
    .WithEnvironment("Processing__Mode", builder.Configuration["Processing:Mode"] ?? "Lambda")
    .WithEnvironment("Processing__LambdaPercent", builder.Configuration["Processing:LambdaPercent"] ?? "100")
    .WithEnvironment("Processing__FunctionName", "processor")
    .WithExternalHttpEndpoints()
    .WaitFor(localstack)
    .WaitFor(processor);

builder.Build().Run();
