namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The build outputs of the other projects the e2e mode starts as processes: {Project}/bin/{Release|Debug}/net10.0/{file},
/// of the same configuration as this program (Benchmarks.csproj references them so one build builds them all).
/// </summary>
internal static class BuildOutput
{
    private static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static string Find(string project, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, project, "bin", Configuration, "net10.0", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{project}/bin/{Configuration}/net10.0/{file} not found above {AppContext.BaseDirectory}; build {project} first.");
    }
}
