using Scalar.AspNetCore;
using VideoAspire.Api.Auth;
using VideoAspire.Api.Diagnostics;
using VideoAspire.Api.Health;
using VideoAspire.Api.Jobs;
using VideoAspire.Api.Json;
using VideoAspire.Api.Limits;
using VideoAspire.Api.OpenApi;
using VideoAspire.Api.Problems;
using VideoAspire.Api.Processing;
using VideoAspire.Api.Storage;
using VideoAspire.Api.Uploads;
using VideoAspire.Api.Videos;
using VideoAspire.Api.WebPage;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVideoAspireAuth();
builder.Services.AddApiProblems();
builder.Services.AddValidation();
builder.Services.AddApiJson();
builder.Services.AddApiOpenApi();
builder.Services.AddResourceBootstrap();
builder.Services.AddAwsResourcesHealthCheck();
builder.Services.AddUploads();
builder.Services.AddJobsApi();
builder.Services.AddProcessing(builder.Configuration);
builder.Services.AddUserLimits();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebPage();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapAuthConfigApi();
app.MapUploadsApi();
app.MapUploadLimitsApi();
app.MapUploadedPartsApi();
app.MapJobsApi();
app.MapJobEventsApi();
app.MapVideosApi();
app.MapDiagnosticsApi();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
    app.MapDevTokensApi();
}

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
