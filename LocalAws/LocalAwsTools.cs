namespace VideoAspire.LocalAws;

/// <summary>The tools/local-aws folder: server.js plus the npm packages it needs.</summary>
internal sealed record LocalAwsTools(string Directory, string ServerScript)
{
    private const string RelativePath = "tools/local-aws";
    private static readonly string[] RequiredPackages = ["s3rver", "dynalite", "aws4"];

    /// <summary>Uses the given folder, or walks up from the app folder and the working directory to find it.</summary>
    public static LocalAwsTools Locate(string? directory)
    {
        var folder = directory ?? FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(Environment.CurrentDirectory)
            ?? throw new LocalAwsUnavailableException(
                $"Could not find '{RelativePath}' above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'. " +
                "Run from a clone of the repository, or pass the folder (EmbeddedAwsOptions.ToolsDirectory).");

        var script = Path.Combine(folder, "server.js");
        if (!File.Exists(script))
        {
            throw new LocalAwsUnavailableException($"'{script}' is missing: '{folder}' is not the tools/local-aws folder.");
        }

        var missing = RequiredPackages.Where(p => !File.Exists(Path.Combine(folder, "node_modules", p, "package.json"))).ToList();
        if (missing.Count > 0)
        {
            throw new LocalAwsUnavailableException(
                $"The emulator packages ({string.Join(", ", missing)}) are not installed in '{folder}'. " +
                "run: npm ci --prefix tools/local-aws");
        }

        return new LocalAwsTools(folder, script);
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
