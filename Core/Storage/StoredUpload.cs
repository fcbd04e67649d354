namespace VideoAspire.Core.Storage;

/// <summary>An uploaded source as stored: its real size and the size declared for it (null when none was sent).</summary>
public sealed record StoredUpload(long SizeBytes, long? DeclaredSizeBytes)
{
    /// <summary>Stored exactly as declared: anything else was not the upload the Api signed for.</summary>
    public bool MatchesDeclaration => DeclaredSizeBytes == SizeBytes;
}
