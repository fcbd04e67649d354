using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoAspire.Api.Limits;

namespace VideoAspire.UnitTests.Limits;

public sealed class UserLimitsOptionsTests
{
    [Theory]
    [InlineData("UserLimits:UploadsPerMinute", "0")]
    [InlineData("UserLimits:JobsPerMinute", "-1")]
    [InlineData("UserLimits:MaxActiveJobs", "0")]
    public void UserLimits_OutOfRange_FailValidation(string key, string value)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<UserLimitsOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserLimits_EmptyConfiguration_HasTheDocumentedDefaults()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<UserLimitsOptions>>().Value;

        Assert.Equal((30, 30, 10), (options.UploadsPerMinute, options.JobsPerMinute, options.MaxActiveJobs));
    }

    private static ServiceProvider Services(params (string Key, string Value)[] values) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build())
            .AddLogging()
            .AddUserLimits()
            .BuildServiceProvider();
}
