using Microsoft.Extensions.Logging;
using VideoAspire.Core.Storage;

namespace VideoAspire.Core.Jobs;

internal static class JobObjectCleanup
{
    /// <summary>
    /// Deletes a job's objects under <paramref name="prefix"/>, best effort: a failure is logged, never allowed to hide
    /// the job's own outcome (the executor's and the sweep's cleanup).
    /// </summary>
    public static async Task DeletePrefixQuietlyAsync(this ObjectStore objects, string jobId, string prefix, ILogger logger)
    {
        try
        {
            await objects.DeletePrefixAsync(prefix, CancellationToken.None);
        }
#pragma warning disable CA1031 // cleanup is best effort by design; the failure is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CleanupFailed(logger, e, jobId, prefix);
        }
    }
}
