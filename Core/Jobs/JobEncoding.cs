using VideoAspire.Core.Video.Pipeline;

namespace VideoAspire.Core.Jobs;

/// <summary>What a completed job did with each stream of its input (copied or re-encoded, and why), from its <see cref="EncodingPlan"/>.</summary>
public sealed record JobEncoding(StreamEncoding Video, StreamEncoding? Audio)
{
    public static JobEncoding From(EncodingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JobEncoding(plan.Video, plan.Audio);
    }
}
