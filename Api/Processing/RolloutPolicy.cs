using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>
/// Gradual rollout: a job goes to Lambda when Mode is Lambda and the job id's bucket (0-99, from a SHA-256
/// of the id, so the same id always lands in the same bucket on every instance) is below LambdaPercent.
/// </summary>
internal static class RolloutPolicy
{
    public static ProcessingMethod Choose(string jobId, ProcessingMode mode, int lambdaPercent) =>
        mode == ProcessingMode.Lambda && Bucket(jobId) < lambdaPercent ? ProcessingMethod.Lambda : ProcessingMethod.InProcess;

    public static int Bucket(string jobId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(jobId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 100);
    }
}
