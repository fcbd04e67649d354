namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>Where the test binaries sit in the repository: its root and the build configuration (shared with AspireTests).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Release" when the tests were built in Release, else "Debug": the sibling projects' outputs match it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
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
}
