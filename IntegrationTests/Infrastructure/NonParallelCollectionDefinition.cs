namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>
/// Classes that must not run beside others; xUnit runs them one at a time after all parallel classes have finished.
/// Only for a reason that own bucket and table names cannot fix, written next to the attribute:
/// the class counts or kills processes it cannot tell from other tests' ones, reads state of the whole machine or
/// backend (environment variables, every bucket), or asserts a wall-clock deadline of a few seconds that CPU-heavy
/// neighbours (ffmpeg) could push it past.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelCollectionDefinition
{
    public const string Name = "non-parallel";
}
