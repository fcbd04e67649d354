using VideoAspire.Core.Lambda;
using VideoAspire.Processor;

namespace VideoAspire.UnitTests.Lambda;

public sealed class LambdaDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimeLimit_PlentyOfTime_IsRemainingMinusMargin()
    {
        var deadline = Now.AddMinutes(15).ToUnixTimeMilliseconds();

        Assert.Equal(TimeSpan.FromSeconds(885), LambdaDeadline.TimeLimit(Now, deadline, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void TimeLimit_LessThanTheMarginLeft_IsZero()
    {
        var deadline = Now.AddSeconds(10).ToUnixTimeMilliseconds();

        Assert.Equal(TimeSpan.Zero, LambdaDeadline.TimeLimit(Now, deadline, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void TimeLimit_DeadlinePassed_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, LambdaDeadline.TimeLimit(Now, Now.AddSeconds(-1).ToUnixTimeMilliseconds(), TimeSpan.Zero));
    }
}
