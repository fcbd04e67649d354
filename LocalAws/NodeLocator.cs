namespace VideoAspire.LocalAws;

/// <summary>Finds the node executable, or explains exactly what is missing.</summary>
internal static class NodeLocator
{
    public static string Find(string node)
    {
        if (node.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(node) ? node : throw NotFound(node);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, node);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw NotFound(node);
    }

    private static LocalAwsUnavailableException NotFound(string node) => new(
        $"Node.js was not found ('{node}'). The embedded S3/DynamoDB emulators need Node.js 18 or later: " +
        "install it (e.g. apt-get install nodejs npm), then run: npm ci --prefix tools/local-aws. " +
        "Or configure an AWS endpoint (AWS_ENDPOINT_URL) to use LocalStack or real AWS instead.");
}
