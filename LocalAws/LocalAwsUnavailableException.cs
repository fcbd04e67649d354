namespace VideoAspire.LocalAws;

/// <summary>The embedded emulators cannot start on this machine; the message says what to do.</summary>
public sealed class LocalAwsUnavailableException : Exception
{
    public LocalAwsUnavailableException()
    {
    }

    public LocalAwsUnavailableException(string message)
        : base(message)
    {
    }

    public LocalAwsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
