using System.Diagnostics.CodeAnalysis;

namespace VideoAspire.Core.Storage;

/// <summary>The object store (S3, through <see cref="ObjectStore"/>) failed.</summary>
[SuppressMessage("Design", "CA1032", Justification = "Thrown only by ObjectStore, always with a cause and its transience.")]
public sealed class StorageException(string message, bool isTransient, Exception? innerException = null)
    : BoundaryException(message, isTransient, innerException);
