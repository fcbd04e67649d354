using VideoAspire.Core.Storage;

namespace VideoAspire.UnitTests.Storage;

public sealed class StorageLayoutTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82")]
    [InlineData("carol smith@example.com")]
    [InlineData("../../etc")]
    public void UserSegment_IsStable_AndNeverHoldsAPathSeparator(string userId)
    {
        var segment = StorageLayout.UserSegment(userId);

        Assert.Equal(segment, StorageLayout.UserSegment(userId));
        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain("..", segment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("carol smith@example.com")]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82")]
    [InlineData("a-very-long-id-that-is-plainly-safe-but-longer-than-sixty-four-characters-in-all")]
    public void HashedSegment_CannotBeAnyUsersOwnId(string unusual)
    {
        var hashed = StorageLayout.UserSegment(unusual);

        Assert.StartsWith(StorageLayout.HashedPrefix, hashed, StringComparison.Ordinal);
        // Whoever signs in with the hashed form (or the hash alone) as their id gets a folder of their own.
        Assert.NotEqual(hashed, StorageLayout.UserSegment(hashed));
        Assert.NotEqual(hashed, StorageLayout.UserSegment(hashed[StorageLayout.HashedPrefix.Length..]));
        Assert.NotEqual(hashed, StorageLayout.UserSegment("h-" + hashed[StorageLayout.HashedPrefix.Length..]));
    }

    [Fact]
    public void UserSegment_EmptyId_IsRefused() => Assert.ThrowsAny<ArgumentException>(() => StorageLayout.UserSegment(""));
}
