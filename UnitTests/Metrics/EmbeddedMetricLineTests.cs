using VideoAspire.Core.Metrics;

namespace VideoAspire.UnitTests.Metrics;

public sealed class EmbeddedMetricLineTests
{
    [Fact]
    public void Format_OneMetricWithDimensions_WritesTheEmbeddedMetricFormatOnOneLine()
    {
        var dimensions = new List<KeyValuePair<string, string>> { new("Method", "lambda"), new("Outcome", "completed") };

        var line = EmbeddedMetricLine.Format("VideoAspire/test", "JobsFinished", "Count", 1, dimensions,
            DateTimeOffset.FromUnixTimeMilliseconds(1_764_100_000_123));

        Assert.Equal(
            """{"_aws":{"Timestamp":1764100000123,"CloudWatchMetrics":[{"Namespace":"VideoAspire/test","Dimensions":[["Method","Outcome"]],"Metrics":[{"Name":"JobsFinished","Unit":"Count"}]}]},"Method":"lambda","Outcome":"completed","JobsFinished":1}""",
            line);
    }

    [Fact]
    public void Format_FractionalValueAndNoDimensions_KeepsTheValueAndAnEmptyDimensionSet()
    {
        var line = EmbeddedMetricLine.Format("NS", "JobDuration", "Seconds", 12.5, [], DateTimeOffset.FromUnixTimeMilliseconds(0));

        Assert.Equal(
            """{"_aws":{"Timestamp":0,"CloudWatchMetrics":[{"Namespace":"NS","Dimensions":[[]],"Metrics":[{"Name":"JobDuration","Unit":"Seconds"}]}]},"JobDuration":12.5}""",
            line);
    }
}
