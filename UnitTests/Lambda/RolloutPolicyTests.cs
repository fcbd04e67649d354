using VideoAspire.Api.Processing;
using VideoAspire.Api.Processing.Lambda;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Storage;

namespace VideoAspire.UnitTests.Lambda;

public sealed class RolloutPolicyTests
{
    private static readonly List<string> JobIds = [.. Enumerable.Range(0, 200).Select(_ => StorageLayout.NewId())];

    private static int LambdaShare(ProcessingMode mode, int percent) =>
        JobIds.Count(id => RolloutPolicy.Choose(id, mode, percent) == ProcessingMethod.Lambda);

    [Fact]
    public void Choose_ZeroPercent_SendsNothingToLambda() => Assert.Equal(0, LambdaShare(ProcessingMode.Lambda, 0));

    [Fact]
    public void Choose_HundredPercent_SendsEverythingToLambda() => Assert.Equal(200, LambdaShare(ProcessingMode.Lambda, 100));

    [Fact]
    public void Choose_FiftyPercent_SendsAboutHalf()
    {
        var share = LambdaShare(ProcessingMode.Lambda, 50);

        // 200 fair coin flips: 100 ± 3.5 standard deviations.
        Assert.InRange(share, 75, 125);
    }

    [Fact]
    public void Choose_InProcessMode_IgnoresThePercentage() => Assert.Equal(0, LambdaShare(ProcessingMode.InProcess, 100));

    [Fact]
    public void Choose_SameJobId_AlwaysSameMethod()
    {
        Assert.All(JobIds, id => Assert.Equal(RolloutPolicy.Choose(id, ProcessingMode.Lambda, 37), RolloutPolicy.Choose(id, ProcessingMode.Lambda, 37)));
    }

    [Fact]
    public void Bucket_IsAStableFunctionOfTheId()
    {
        Assert.Equal(RolloutPolicy.Bucket("0123456789abcdef0123456789abcdef"), RolloutPolicy.Bucket("0123456789abcdef0123456789abcdef"));
        Assert.All(JobIds, id => Assert.InRange(RolloutPolicy.Bucket(id), 0, 99));
    }
}
