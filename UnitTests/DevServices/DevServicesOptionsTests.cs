using VideoAspire.Api.DevServices;

namespace VideoAspire.UnitTests.DevServices;

public sealed class DevServicesOptionsTests
{
    [Theory]
    [InlineData(true, true, false, true)]
    [InlineData(false, true, false, false)] // never outside Development
    [InlineData(true, false, false, false)] // switched off
    [InlineData(true, true, true, false)] // an endpoint is configured: use it
    public void ShouldStart_OnlyInDevelopmentWithNothingConfigured(bool isDevelopment, bool enabled, bool endpointConfigured, bool expected)
    {
        Assert.Equal(expected, DevServicesOptions.ShouldStart(isDevelopment, enabled, endpointConfigured));
    }
}
