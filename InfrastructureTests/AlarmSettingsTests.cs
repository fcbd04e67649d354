using VideoAspire.Infrastructure;

namespace VideoAspire.InfrastructureTests;

public sealed class AlarmSettingsTests
{
    [Fact]
    public void FromContext_Nothing_KeepsTheDefaults()
    {
        var settings = AlarmSettings.FromContext(_ => null);

        Assert.Equal(new AlarmSettings(), settings);
        Assert.Null(settings.Email);
        Assert.Equal(80, settings.DurationPercentOfTimeout);
    }

    [Fact]
    public void FromContext_ValuesGiven_ReadsEachKey()
    {
        var context = new Dictionary<string, string>
        {
            ["alarmEmail"] = "ops@example.test",
            ["alarmProcessorErrors"] = "10",
            ["alarmProcessorThrottles"] = "2",
            ["alarmDurationPercent"] = "90",
            ["alarmFailureQueueDepth"] = "5",
            ["alarmFailureQueueAgeSeconds"] = "600",
            ["alarmTableThrottles"] = "3",
            ["alarmTableSystemErrors"] = "4",
            ["alarmApi5xxPercent"] = "1",
        };

        var settings = AlarmSettings.FromContext(context.GetValueOrDefault);

        Assert.Equal(new AlarmSettings
        {
            Email = "ops@example.test", ProcessorErrors = 10, ProcessorThrottles = 2, DurationPercentOfTimeout = 90, FailureQueueDepth = 5,
            FailureQueueAgeSeconds = 600, TableThrottles = 3, TableSystemErrors = 4, Api5xxPercent = 1,
        }, settings);
    }

    [Theory]
    [InlineData("alarmProcessorErrors", "0")]
    [InlineData("alarmProcessorErrors", "many")]
    [InlineData("alarmFailureQueueDepth", "-1")]
    public void FromContext_ValueOutOfRange_KeepsTheDefault(string key, string value)
    {
        var settings = AlarmSettings.FromContext(k => k == key ? value : null);

        Assert.Equal(new AlarmSettings(), settings);
    }

    [Fact]
    public void FromContext_PercentAboveHundred_IsCappedAtHundred() =>
        Assert.Equal(100, AlarmSettings.FromContext(k => k == "alarmDurationPercent" ? "150" : null).DurationPercentOfTimeout);
}
