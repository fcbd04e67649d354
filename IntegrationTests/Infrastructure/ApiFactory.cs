using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VideoAspire.Api.Auth;

namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// The real Api in memory (WebApplicationFactory) against the test backend, with its own bucket and table,
/// the in-process worker running, and HTTP clients that carry a Development token for a chosen user.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>The Api with its own bucket and table; <paramref name="services"/> replaces services after the Api registered its own (e.g. an S3 client that holds some requests).</summary>
    public ApiFactory(
        AwsBackendFixture backend, string bucket, string table, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        Bucket = bucket;
        Table = table;
        var all = new Dictionary<string, string?>(backend.Configuration)
        {
            ["Storage:BucketName"] = bucket,
            ["Storage:JobsTableName"] = table,
            ["Storage:BootstrapResources"] = "true",
            ["Processing:SweepInterval"] = "00:00:02",
            ["Uploads:PartSizeBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _settings = all;
    }

    public string Bucket { get; }

    public string Table { get; }

    /// <summary>An HttpClient authenticated as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(string userId, params string[] roles)
    {
        var client = CreateClient();
        var (token, _) = Services.GetRequiredService<DevTokenIssuer>().Issue(userId, roles);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
