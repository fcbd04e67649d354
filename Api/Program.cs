using VideoAspire.Api.DevServices;
using VideoAspire.Api.Health;
using VideoAspire.Api.Storage;
using VideoAspire.Core.Aws;
using VideoAspire.Core.Video;

var builder = WebApplication.CreateBuilder(args);

await builder.AddDevServicesAsync();
builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddAwsClients();
builder.Services.AddVideoPipeline();
builder.Services.AddResourceBootstrap();
builder.Services.AddAwsResourcesHealthCheck();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
