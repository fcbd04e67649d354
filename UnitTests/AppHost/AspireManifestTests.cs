using System.Text.Json;
using System.Text.RegularExpressions;

namespace VideoAspire.UnitTests.AppHost;

/// <summary>
/// The AppHost cannot be built on a feed without Aspire packages, so its hand-written manifest is checked
/// against the repository and against AppHost/Program.cs instead.
/// </summary>
public sealed partial class AspireManifestTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Manifest_ProjectPaths_ExistInTheRepository()
    {
        var projects = Resources().Where(r => r.Value.GetProperty("type").GetString() == "project.v0").ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, p =>
            Assert.True(File.Exists(Path.Combine(Root, p.Value.GetProperty("path").GetString()!)), $"{p.Name}: path missing"));
    }

    [Fact]
    public void Manifest_ResourceNames_MatchTheAppHost()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "AppHost", "Program.cs"));
        var inCode = ResourceNamePattern().Matches(appHost).Select(m => m.Groups["name"].Value).Order().ToList();

        var inManifest = Resources().Select(r => r.Name).Order().ToList();

        Assert.Equal(inCode, inManifest);
    }

    [Fact]
    public void Manifest_LeavesOutTheLambdaFunctionAndEmulator_AsAspireDoes()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "AppHost", "Program.cs"));
        var functions = LambdaFunctionPattern().Matches(appHost).Select(m => m.Groups["name"].Value).ToList();

        var inManifest = Resources().Select(r => r.Name).ToList();

        Assert.Equal(["processor"], functions);
        Assert.DoesNotContain("processor", inManifest);
        Assert.DoesNotContain("LambdaServiceEmulator", inManifest);
    }

    [Fact]
    public void Manifest_ApiEnvironment_HasEveryVariableTheAppHostSets()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "AppHost", "Program.cs"));
        var start = appHost.IndexOf("AddProject<Projects.Api>(\"api\")", StringComparison.Ordinal);
        var apiBlock = appHost[start..appHost.IndexOf(';', start)];
        var inCode = EnvironmentPattern().Matches(apiBlock).Select(m => m.Groups["key"].Value).ToList();

        var api = Resources().Single(r => r.Name == "api").Value.GetProperty("env");

        Assert.NotEmpty(inCode);
        Assert.All(inCode, key => Assert.True(api.TryGetProperty(key, out _), $"manifest api.env lacks {key}"));
        Assert.Equal("{localstack.bindings.http.url}", api.GetProperty("AWS_ENDPOINT_URL").GetString());
        Assert.Equal("processor", api.GetProperty("Processing__FunctionName").GetString());
    }

    [Fact]
    public void AppHost_LocalStackHealthCheck_IsLocalStacksHealthEndpoint()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "AppHost", "Program.cs"));

        Assert.Contains("WithHttpHealthCheck(\"/_localstack/health\", endpointName: \"http\")", appHost, StringComparison.Ordinal);
        Assert.Contains("\"SERVICES\", \"s3,dynamodb\"", appHost, StringComparison.Ordinal);
    }

    [Fact]
    public void Solution_ListsTheAppHost_AndTheCiFilterLeavesItOut()
    {
        var solution = File.ReadAllText(Path.Combine(Root, "VideoAspire.sln"));
        using var filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "VideoAspire.ci.slnf")));
        var filtered = filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray().Select(p => p.GetString()!).ToList();

        Assert.Contains(@"AppHost\AppHost.csproj", solution, StringComparison.Ordinal);
        Assert.DoesNotContain(filtered, p => p.Contains("AppHost", StringComparison.Ordinal));
        Assert.All(filtered, p => Assert.True(File.Exists(Path.Combine(Root, p)), p));
    }

    [Fact]
    public void Manifest_ContainerImages_ArePinnedAsInTheAppHost()
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "AppHost", "Program.cs"));
        var inCode = ContainerPattern().Matches(appHost)
            .ToDictionary(m => m.Groups["name"].Value, m => $"{m.Groups["image"].Value}:{m.Groups["tag"].Value}");

        var inManifest = Resources()
            .Where(r => r.Value.GetProperty("type").GetString() == "container.v0")
            .ToDictionary(r => r.Name, r => r.Value.GetProperty("image").GetString() ?? "");

        Assert.Equal(inCode, inManifest);
    }

    private static List<JsonProperty> Resources()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "aspire-manifest.json")));
        return [.. manifest.RootElement.GetProperty("resources").Clone().EnumerateObject()];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VideoAspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VideoAspire.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\.Add(?:Container|Project<[^>]+>)\(""(?<name>[^""]+)""")]
    private static partial Regex ResourceNamePattern();

    [GeneratedRegex(@"\.AddAWSLambdaFunction<[^>]+>\(""(?<name>[^""]+)""")]
    private static partial Regex LambdaFunctionPattern();

    [GeneratedRegex(@"\.WithEnvironment\(""(?<key>[^""]+)""")]
    private static partial Regex EnvironmentPattern();

    [GeneratedRegex(@"\.AddContainer\(""(?<name>[^""]+)"",\s*""(?<image>[^""]+)"",\s*""(?<tag>[^""]+)""\)")]
    private static partial Regex ContainerPattern();
}
