using VideoAspire.Api.Processing;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Lambda;

public sealed class RolloutPolicyTests
{
    // Expected buckets computed once, outside this code base (Python: int.from_bytes(sha256(id).digest()[:4], "big") % 100),
    // and written down as literals, so a change to the hashing, the byte order or the modulus fails here.
    // The ids sit on both sides of the 37 % and 50 % cut-offs and at the ends of the range.
    public static readonly TheoryData<string, int> Buckets = new()
    {
        { "000000000000000000000000000000a4", 0 },
        { "0123456789abcdef0123456789abcdef", 15 },
        { "000000000000000000000000000001c7", 36 },
        { "000000000000000000000000000000a9", 37 },
        { "0000000000000000000000000000005d", 49 },
        { "00000000000000000000000000000001", 50 },
        { "ffffffffffffffffffffffffffffffff", 92 },
        { "0000000000000000000000000000008d", 99 },
    };

    private static readonly string[] JobIds = [.. Buckets.Select(row => row.Data.Item1)];

    [Theory]
    [MemberData(nameof(Buckets))]
    public void Bucket_KnownId_IsTheRecordedBucket(string jobId, int bucket) => Assert.Equal(bucket, RolloutPolicy.Bucket(jobId));

    [Theory]
    [InlineData("000000000000000000000000000000a4", 37, ProcessingMethod.Lambda)]
    [InlineData("0123456789abcdef0123456789abcdef", 37, ProcessingMethod.Lambda)]
    [InlineData("000000000000000000000000000001c7", 37, ProcessingMethod.Lambda)]
    [InlineData("000000000000000000000000000000a9", 37, ProcessingMethod.InProcess)]
    [InlineData("0000000000000000000000000000005d", 37, ProcessingMethod.InProcess)]
    [InlineData("0000000000000000000000000000005d", 50, ProcessingMethod.Lambda)]
    [InlineData("00000000000000000000000000000001", 50, ProcessingMethod.InProcess)]
    [InlineData("ffffffffffffffffffffffffffffffff", 50, ProcessingMethod.InProcess)]
    [InlineData("0000000000000000000000000000008d", 99, ProcessingMethod.InProcess)]
    [InlineData("0000000000000000000000000000008d", 100, ProcessingMethod.Lambda)]
    public void Choose_LambdaMode_SendsIdsBelowThePercentageToLambda(string jobId, int percent, ProcessingMethod expected) =>
        Assert.Equal(expected, RolloutPolicy.Choose(jobId, ProcessingMode.Lambda, percent));

    [Fact]
    public void Choose_ZeroPercent_SendsNothingToLambda() =>
        Assert.All(JobIds, id => Assert.Equal(ProcessingMethod.InProcess, RolloutPolicy.Choose(id, ProcessingMode.Lambda, 0)));

    [Fact]
    public void Choose_HundredPercent_SendsEverythingToLambda() =>
        Assert.All(JobIds, id => Assert.Equal(ProcessingMethod.Lambda, RolloutPolicy.Choose(id, ProcessingMode.Lambda, 100)));

    [Fact]
    public void Choose_InProcessMode_IgnoresThePercentage() =>
        Assert.All(JobIds, id => Assert.Equal(ProcessingMethod.InProcess, RolloutPolicy.Choose(id, ProcessingMode.InProcess, 100)));
}
