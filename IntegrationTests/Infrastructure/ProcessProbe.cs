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
