using System.Diagnostics.CodeAnalysis;

namespace VideoAspire.Core;

/// <summary>
/// A failure where the code crosses a boundary (the object store, the jobs table, Lambda, the local disk), thrown by
/// the class at that boundary in a type that says which, with what that class knows best: whether another try may succeed.
/// <see cref="Jobs.JobErrors"/> maps each type to a job's error code.
/// </summary>
[SuppressMessage("Design", "CA1032", Justification = "A base for the boundary types; each is thrown with its cause and transience only.")]
public abstract class BoundaryException(string message, bool isTransient, Exception? innerException) : Exception(message, innerException)
{
    public bool IsTransient { get; } = isTransient;
}
