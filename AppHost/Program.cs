// The whole system on a developer machine with Docker: LocalStack for S3 and DynamoDB, and the Api.
// Pinned to 4.14.0: Testcontainers 4.16 refuses LocalStack >= 4.15 without an auth token, and the
// integration tests run the same image.
var builder = DistributedApplication.CreateBuilder(args);

var localstack = builder.AddContainer("localstack", "localstack/localstack", "4.14.0")
    .WithEnvironment("SERVICES", "s3,dynamodb")
    .WithHttpEndpoint(targetPort: 4566, name: "http")
    .WithHttpHealthCheck("/_localstack/health", endpointName: "http");

builder.AddProject<Projects.Api>("api")
    .WithEnvironment("AWS_ENDPOINT_URL", localstack.GetEndpoint("http"))
    .WithEnvironment("AWS_REGION", "us-east-1")
    .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
    .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test")
    .WithEnvironment("Storage__BootstrapResources", "true")
    .WithExternalHttpEndpoints()
    .WaitFor(localstack);

builder.Build().Run();
