using System.Diagnostics.CodeAnalysis;

namespace VideoAspire.Core.Jobs;

/// <summary>The jobs table (DynamoDB, through <see cref="JobStore"/>) failed.</summary>
[SuppressMessage("Design", "CA1032", Justification = "Thrown only by JobStore, always with a cause and its transience.")]
public sealed class TableException(string message, bool isTransient, Exception innerException)
    : BoundaryException(message, isTransient, innerException);
