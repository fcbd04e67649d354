using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Video;
using VideoAspire.Core.Storage;

// The Processor's host: configuration, logging and AWS clients as the Api has them.
// The Lambda Runtime API loop is not built yet (issue #5); until then the executable validates its
// configuration and says plainly that it has nothing to run.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddAwsClients();
builder.Services.AddVideoPipeline();

using var host = builder.Build();
var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
var runtimeApi = builder.Configuration["AWS_LAMBDA_RUNTIME_API"];

await Console.Error.WriteLineAsync(
    $"VideoAspire Processor: bucket '{storage.BucketName}', table '{storage.JobsTableName}', " +
    $"AWS_LAMBDA_RUNTIME_API '{runtimeApi ?? "(not set)"}'. The Lambda runtime loop is not implemented yet (issue #5).");
return 2;
