namespace VideoAspire.Core.Processes;

/// <summary>A child process ended with a non-zero exit code; carries the end of what it wrote to stderr.</summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException(string fileName, int exitCode, string stderrTail)
        : base($"{Path.GetFileName(fileName)} exited with code {exitCode}: {LastLineOf(stderrTail)}")
    {
        FileName = fileName;
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    public ProcessFailedException()
    {
    }

    public ProcessFailedException(string message)
        : base(message)
    {
    }

    public ProcessFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string FileName { get; } = "";

    public int ExitCode { get; }

    public string StderrTail { get; } = "";

    /// <summary>The last non-empty line on stderr: usually the reason.</summary>
    public string LastStderrLine => LastLineOf(StderrTail);

    private static string LastLineOf(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output on stderr)" : lines[^1];
    }
}
