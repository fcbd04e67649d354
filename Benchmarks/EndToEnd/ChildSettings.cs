namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>How the e2e mode configures and hears the processes it starts (the Api, the Lambda emulator, the Processor).</summary>
internal static class ChildSettings
{
    /// <summary>Configuration keys as .NET reads them from the environment ("Storage:BucketName" -> "Storage__BucketName").</summary>
    public static Dictionary<string, string?> AsEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>The log level the children run at: Warning keeps their logging off the measured path unless asked.</summary>
    public static string LogLevel(bool showLog) => showLog ? "Information" : "Warning";

    /// <summary>Prints a child's output lines, timestamped as they arrive (for profiling), or drops them.</summary>
    public static Action<string> Output(string name, bool showLog) =>
        showLog ? line => Console.WriteLine($"    {name} {DateTime.UtcNow:HH:mm:ss.fff}: {line}") : _ => { };
}
