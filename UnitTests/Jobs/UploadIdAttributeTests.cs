using System.ComponentModel.DataAnnotations;
using VideoAspire.Api.Uploads;
using VideoAspire.Core.Storage;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>The one upload id rule of the request bodies agrees with the ids the service generates and the route checks.</summary>
public sealed class UploadIdAttributeTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdef0", false)]
    [InlineData("../../uploads/bob/0123456789abcde", false)]
    public void UploadId_Value_IsValidExactlyWhenStorageLayoutAcceptsIt(string value, bool valid)
    {
        var result = new UploadIdAttribute().GetValidationResult(value, new ValidationContext(new object()) { MemberName = "UploadId" });

        Assert.Equal((valid, valid), (result == ValidationResult.Success, StorageLayout.IsValidId(value)));
        Assert.Equal(valid ? null : UploadIdAttribute.Message, result?.ErrorMessage);
    }

    [Fact]
    public void UploadId_NewId_IsValid() =>
        Assert.True(new UploadIdAttribute().IsValid(StorageLayout.NewId()));
}
