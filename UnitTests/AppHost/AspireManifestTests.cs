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

    [GeneratedRegex(@"\.AddContainer\(""(?<name>[^""]+)"",\s*""(?<image>[^""]+)"",\s*""(?<tag>[^""]+)""\)")]
    private static partial Regex ContainerPattern();
}
