using VideoAspire.Core.Processes;

namespace VideoAspire.UnitTests.Processes;

public sealed class OutputTailTests
{
    [Fact]
    public void Add_MoreLinesThanCapacity_KeepsOnlyTheLastOnes()
    {
        var tail = new OutputTail(maxLines: 3);

        foreach (var line in Enumerable.Range(1, 10))
        {
            tail.Add($"line {line}");
        }

        Assert.Equal("line 8\nline 9\nline 10", tail.ToString());
    }

    [Fact]
    public void ToString_NothingAdded_IsEmpty()
    {
        Assert.Equal("", new OutputTail().ToString());
    }
}
