namespace VideoAspire.Core.Processes;

/// <summary>The executable to run (ffmpeg, ffprobe, node) is not installed where we looked.</summary>
public sealed class ToolNotFoundException : Exception
{
    public ToolNotFoundException()
    {
    }

    public ToolNotFoundException(string message)
        : base(message)
    {
    }

    public ToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
