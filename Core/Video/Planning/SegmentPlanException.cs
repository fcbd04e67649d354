namespace VideoAspire.Core.Video.Planning;

/// <summary>The options cannot be planned for this input (e.g. too many segments); the message says why.</summary>
public sealed class SegmentPlanException : Exception
{
    public SegmentPlanException()
    {
    }

    public SegmentPlanException(string message)
        : base(message)
    {
    }

    public SegmentPlanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
