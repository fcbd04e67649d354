namespace VideoAspire.Core.Video.Probing;

/// <summary>An expected failure of the input or its processing, with a stable <see cref="Code"/>.</summary>
public sealed class MediaException : Exception
{
    public MediaException(MediaErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public MediaException()
    {
    }

    public MediaException(string message)
        : base(message)
    {
    }

    public MediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MediaErrorCode Code { get; } = MediaErrorCode.ProcessingFailed;
}
