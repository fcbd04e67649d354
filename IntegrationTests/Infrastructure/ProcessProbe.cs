namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>Checks from the outside whether a process has gone (Linux /proc; a zombie counts as gone).</summary>
internal static class ProcessProbe
{
    public static async Task<bool> ExitedAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status) || (await ReadOrEmptyAsync(status)).Contains("State:\tZ", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>Every live process below <paramref name="root"/> whose command name is <paramref name="name"/> (from /proc/*/stat).</summary>
    public static IReadOnlyList<int> Descendants(int root, string name)
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var open = text.IndexOf('(', StringComparison.Ordinal);
                var close = text.LastIndexOf(')');
                var fields = text[(close + 2)..].Split(' ');
                parents[int.Parse(text[..open], System.Globalization.CultureInfo.InvariantCulture)] =
                    (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), text[(open + 1)..close]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Exited meanwhile, or not a process folder.
            }
        }

        bool Below(int pid) => pid > 1 && parents.TryGetValue(pid, out var p) && (p.Parent == root || Below(p.Parent));
        return [.. parents.Where(p => p.Value.Name == name && Below(p.Key)).Select(p => p.Key)];
    }

    private static async Task<string> ReadOrEmptyAsync(string path)
    {
        try
        {
            return await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
