using VideoAspire.Core.Aws;
using VideoAspire.LocalAws;

namespace VideoAspire.Api.DevServices;

internal static class DevServicesWebApplicationBuilderExtensions
{
    /// <summary>
    /// "Dev services": in Development with no AWS endpoint configured, start the embedded S3 and DynamoDB
    /// emulators, point the AWS options at them and have the bucket and table created. Never in Production.
    /// </summary>
    public static async Task AddDevServicesAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DevServicesOptions.SectionName).Get<DevServicesOptions>() ?? new();
        if (!DevServicesOptions.ShouldStart(
                builder.Environment.IsDevelopment(), options.Enabled, AwsConnection.IsEndpointConfigured(builder.Configuration)))
        {
            return;
        }

        var emulators = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions
        {
            DataDirectory = options.DataDirectory ?? Path.Combine(builder.Environment.ContentRootPath, ".local-aws"),
            ToolsDirectory = options.LocalAwsPath,
        }, CancellationToken.None);

        builder.Configuration.AddInMemoryCollection(emulators.ToConfiguration());
        builder.Configuration["Storage:BootstrapResources"] = "true";
        builder.Services.AddHostedService(sp => new DevServicesLifetime(
            emulators, sp.GetRequiredService<ILogger<DevServicesLifetime>>()));
    }
}
