using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace VideoAspire.Core.Lambda;

/// <summary>Lambda's Invoke API refused the call or could not be reached.</summary>
[SuppressMessage("Design", "CA1032", Justification = "Thrown only by LambdaInvoker, always with its transience.")]
public sealed class LambdaInvokeException(string message, bool isTransient, Exception? innerException = null)
    : BoundaryException(message, isTransient, innerException)
{
    /// <summary>Throttled (429) or a service error (5xx): worth another try; any other refusal is not.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => (int)status is 429 or >= 500;
}
