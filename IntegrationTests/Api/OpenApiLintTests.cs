using System.Text.Json;
using VideoAspire.Core.Processes;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// The Api's OpenAPI document is complete enough for any client generator: Redocly's recommended rules (CLI pinned by
/// Web/package-lock.json, rules in Api/OpenApi/redocly.yaml) report no error and no warning on the live document.
/// </summary>
public sealed class OpenApiLintTests(AwsBackendFixture backend) : IAsyncDisposable
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("openapilint"), AwsBackendFixture.UniqueName("openapilint"));

    [Fact]
    public async Task OpenApiDocument_RedoclyRecommendedRules_ReportNoProblem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = _api.CreateClient();
        var document = Path.Combine(Path.GetTempPath(), $"videoaspire-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken), cancellationToken);

        try
        {
            var problems = await LintAsync(document, cancellationToken);

            Assert.True(problems.Count == 0, $"Redocly reports {problems.Count} problem(s):\n{string.Join('\n', problems)}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    /// <summary>Redocly's problems as "severity rule at pointer: message"; it exits non-zero on errors only, so its JSON report decides.</summary>
    private static async Task<List<string>> LintAsync(string document, CancellationToken cancellationToken)
    {
        var report = new System.Text.StringBuilder();
        var spec = new ProcessSpec("node", [
            Path.Combine(RepositoryPaths.Root, "Web", "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", document,
            "--config", Path.Combine(RepositoryPaths.Root, "Api", "OpenApi", "redocly.yaml"), "--format", "json"])
        {
            Environment = new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        try
        {
            await ProcessRunner.RunAsync(spec, line => report.AppendLine(line), cancellationToken);
        }
        catch (ProcessFailedException e) when (report.Length > 0 && e.ExitCode == 1)
        {
            // Errors found: the report below lists them.
        }

        using var json = JsonDocument.Parse(report.ToString());
        return [.. json.RootElement.GetProperty("problems").EnumerateArray().Select(p =>
            $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at " +
            $"{string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))}: " +
            p.GetProperty("message").GetString())];
    }
}
