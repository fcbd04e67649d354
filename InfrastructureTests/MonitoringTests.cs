using System.Text.Json;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Metrics;
using VideoAspire.Infrastructure;

namespace VideoAspire.InfrastructureTests;

/// <summary>The alarms, their topic and the dashboard, read from the synthesized template.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class MonitoringTests(SynthesizedTemplate synthesized, MonitoringTests.CustomizedTemplate customized)
    : IClassFixture<SynthesizedTemplate>, IClassFixture<MonitoringTests.CustomizedTemplate>
{
    /// <summary>The stack with an alarm email, two thresholds changed and no Api.</summary>
    public sealed class CustomizedTemplate() : IDisposable
    {
        public SynthesizedTemplate Synthesized { get; } = new(settings => settings with
        {
            ApiImage = null,
            MetricsNamespace = "Custom/Jobs",
            Alarms = new AlarmSettings { Email = "ops@example.test", ProcessorErrors = 7, DurationPercentOfTimeout = 50 },
        });

        public void Dispose() => Synthesized.Dispose();
    }

    [Theory]
    [InlineData("processor-errors", "AWS/Lambda", "Errors", "Sum", 3, "GreaterThanOrEqualToThreshold")]
    [InlineData("processor-throttles", "AWS/Lambda", "Throttles", "Sum", 1, "GreaterThanOrEqualToThreshold")]
    [InlineData("failure-queue-depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 0, "GreaterThanThreshold")]
    [InlineData("failure-queue-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", 3600, "GreaterThanThreshold")]
    public void Alarm_OnOneMetric_HasItsStatisticThresholdAndComparison(
        string name, string metricNamespace, string metric, string statistic, double threshold, string comparison)
    {
        var alarm = Alarm(synthesized, name);

        Assert.Equal(metricNamespace, alarm.GetProperty("Namespace").GetString());
        Assert.Equal(metric, alarm.GetProperty("MetricName").GetString());
        Assert.Equal(statistic, alarm.GetProperty("Statistic").GetString());
        Assert.Equal(300, alarm.GetProperty("Period").GetDouble());
        Assert.Equal(threshold, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal(comparison, alarm.GetProperty("ComparisonOperator").GetString());
        Assert.Equal(1, alarm.GetProperty("EvaluationPeriods").GetDouble());
        Assert.Equal("notBreaching", alarm.GetProperty("TreatMissingData").GetString());
    }

    [Fact]
    public void DurationAlarm_FiresWhenP99PassesEightyPercentOfTheTimeout()
    {
        var alarm = Alarm(synthesized, "processor-duration");

        var stat = Assert.Single(alarm.GetProperty("Metrics").EnumerateArray()).GetProperty("MetricStat");
        Assert.Equal("p99", stat.GetProperty("Stat").GetString());
        Assert.Equal("Duration", stat.GetProperty("Metric").GetProperty("MetricName").GetString());
        Assert.Equal("AWS/Lambda", stat.GetProperty("Metric").GetProperty("Namespace").GetString());
        Assert.Equal(ProcessorSizing.TimeoutSeconds * 1000 * 0.8, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal("GreaterThanThreshold", alarm.GetProperty("ComparisonOperator").GetString());
    }

    [Theory]
    [InlineData("table-throttles", "ThrottledRequests")]
    [InlineData("table-system-errors", "SystemErrors")]
    public void TableAlarm_SumsEveryOperationTheServicesCall(string name, string metric)
    {
        var alarm = Alarm(synthesized, name);

        var metrics = alarm.GetProperty("Metrics").EnumerateArray().ToList();
        var stats = metrics.Where(m => m.TryGetProperty("MetricStat", out _)).Select(m => m.GetProperty("MetricStat")).ToList();
        Assert.All(stats, s => Assert.Equal(metric, s.GetProperty("Metric").GetProperty("MetricName").GetString()));
        Assert.All(stats, s => Assert.Equal("Sum", s.GetProperty("Stat").GetString()));
        Assert.All(stats, s => Assert.Contains("Jobs", s.GetProperty("Metric").GetProperty("Dimensions").GetRawText(), StringComparison.Ordinal));
        Assert.Equal(["DeleteItem", "GetItem", "PutItem", "Query", "Scan", "UpdateItem"],
            stats.Select(s => Dimension(s.GetProperty("Metric"), "Operation")).Order(StringComparer.Ordinal));
        var sum = Assert.Single(metrics, m => m.TryGetProperty("Expression", out _)).GetProperty("Expression").GetString()!;
        Assert.Equal(6, sum.Split('+').Length);
        Assert.Equal(1, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.GetProperty("ComparisonOperator").GetString());
    }

    [Fact]
    public void ApiAlarm_FiresWhenMoreThanFivePercentOfResponsesAre5xxForTenMinutes()
    {
        var alarm = Alarm(synthesized, "api5xx");

        var metrics = alarm.GetProperty("Metrics").EnumerateArray().ToList();
        Assert.Equal("IF(requests > 0, 100 * errors / requests, 0)",
            Assert.Single(metrics, m => m.TryGetProperty("Expression", out _)).GetProperty("Expression").GetString());
        foreach (var (id, metricName) in new[] { ("requests", "Requests"), ("errors", "5xxStatusResponses") })
        {
            var metric = Assert.Single(metrics, m => m.GetProperty("Id").GetString() == id).GetProperty("MetricStat").GetProperty("Metric");
            Assert.Equal("AWS/AppRunner", metric.GetProperty("Namespace").GetString());
            Assert.Equal(metricName, metric.GetProperty("MetricName").GetString());
            Assert.Equal("videoaspire-test-api", Dimension(metric, "ServiceName"));
            Assert.Contains("ServiceId", metric.GetProperty("Dimensions").GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(5, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal(2, alarm.GetProperty("EvaluationPeriods").GetDouble());
        Assert.Equal("GreaterThanThreshold", alarm.GetProperty("ComparisonOperator").GetString());
    }

    [Fact]
    public void EveryAlarm_NotifiesTheTopicWhenItFiresAndWhenItClears()
    {
        var topic = Assert.Single(synthesized.Resources("AWS::SNS::Topic"));
        var alarms = synthesized.Resources("AWS::CloudWatch::Alarm").ToList();

        Assert.Equal("videoaspire-test-alarms", topic.Resource.GetProperty("Properties").GetProperty("TopicName").GetString());
        Assert.Equal(topic.Id, synthesized.Json.GetProperty("Outputs").GetProperty("AlarmTopicArn").GetProperty("Value").GetProperty("Ref").GetString());
        Assert.Equal(8, alarms.Count);
        var reference = $$"""[{"Ref":"{{topic.Id}}"}]""";
        Assert.All(alarms, a => Assert.Equal(reference, a.Resource.GetProperty("Properties").GetProperty("AlarmActions").GetRawText()));
        Assert.All(alarms, a => Assert.Equal(reference, a.Resource.GetProperty("Properties").GetProperty("OKActions").GetRawText()));
    }

    [Fact]
    public void Topic_WithoutAnEmailInContext_HasNoSubscription() =>
        Assert.Empty(synthesized.Resources("AWS::SNS::Subscription"));

    [Fact]
    public void Customized_EmailIsSubscribedThresholdsFollowTheSettingsAndNoApiMeansNoApiAlarm()
    {
        var template = customized.Synthesized;

        var subscription = Assert.Single(template.Resources("AWS::SNS::Subscription")).Resource.GetProperty("Properties");
        Assert.Equal("email", subscription.GetProperty("Protocol").GetString());
        Assert.Equal("ops@example.test", subscription.GetProperty("Endpoint").GetString());
        Assert.Equal(7, Alarm(template, "processor-errors").GetProperty("Threshold").GetDouble());
        Assert.Equal(ProcessorSizing.TimeoutSeconds * 1000 * 0.5, Alarm(template, "processor-duration").GetProperty("Threshold").GetDouble());
        Assert.Equal(7, template.Resources("AWS::CloudWatch::Alarm").Count());
        Assert.DoesNotContain("AWS/AppRunner", DashboardBody(template), StringComparison.Ordinal);
        Assert.Contains("\"Custom/Jobs\",\"JobsFinished\"", DashboardBody(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Processor_WritesJobMetricsToTheNamespaceTheDashboardReads()
    {
        var function = Assert.Single(synthesized.Resources("AWS::Lambda::Function")).Resource;

        var variables = function.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
        Assert.Equal("VideoAspire/test", variables.GetProperty("Metrics__Namespace").GetString());
        Assert.Contains("\"VideoAspire/test\",\"JobsFinished\"", DashboardBody(synthesized), StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_ShowsTheProcessorQueueJobsTableApiAndEveryAlarm()
    {
        var body = DashboardBody(synthesized);

        foreach (var metric in new[]
                 {
                     "\"AWS/Lambda\",\"Invocations\"", "\"AWS/Lambda\",\"Errors\"", "\"AWS/Lambda\",\"Throttles\"",
                     "\"AWS/Lambda\",\"ConcurrentExecutions\"", "\"AWS/SQS\",\"ApproximateNumberOfMessagesVisible\"",
                     "\"AWS/SQS\",\"ApproximateAgeOfOldestMessage\"", "\"AWS/DynamoDB\",\"ThrottledRequests\"",
                     "\"AWS/DynamoDB\",\"SystemErrors\"", "\"AWS/AppRunner\",\"5xxStatusResponses\"",
                 })
        {
            Assert.Contains(metric, body, StringComparison.Ordinal);
        }

        foreach (var percentile in new[] { "p50", "p90", "p99" })
        {
            Assert.Contains($"\"AWS/Lambda\",\"Duration\",\"FunctionName\",\"Processor\",{{\"label\":\"{percentile}\",\"stat\":\"{percentile}\"}}", body, StringComparison.Ordinal);
        }

        foreach (var method in Enum.GetValues<ProcessingMethod>())
        {
            foreach (var outcome in Enum.GetValues<JobOutcome>())
            {
                Assert.Contains($"\"{CloudWatchJobMetrics.JobsFinished}\",\"Method\",\"{method.ToWireName()}\",\"Outcome\",\"{outcome.ToString().ToLowerInvariant()}\"",
                    body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(8, body.Split("ALARM:", StringSplitOptions.None).Length - 1);
    }

    private static JsonElement Alarm(SynthesizedTemplate template, string name) =>
        Assert.Single(template.Resources("AWS::CloudWatch::Alarm"),
                a => a.Resource.GetProperty("Properties").GetProperty("AlarmName").GetString() == $"videoaspire-test-{name}")
            .Resource.GetProperty("Properties");

    private static string? Dimension(JsonElement metric, string name) =>
        metric.GetProperty("Dimensions").EnumerateArray().Single(d => d.GetProperty("Name").GetString() == name).GetProperty("Value").GetString();

    /// <summary>The dashboard body with every reference replaced by its logical id, so it reads as the JSON CloudWatch gets.</summary>
    private static string DashboardBody(SynthesizedTemplate template)
    {
        var body = Assert.Single(template.Resources("AWS::CloudWatch::Dashboard")).Resource.GetProperty("Properties").GetProperty("DashboardBody");
        var parts = body.GetProperty("Fn::Join")[1].EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : p.TryGetProperty("Ref", out var reference) ? LogicalName(reference.GetString()!)
            : GetAtt(p.GetProperty("Fn::GetAtt")));
        return string.Concat(parts);
    }

    // Only alarms are referenced by ARN in the body (queues by name, the Api service by id).
    private static string GetAtt(JsonElement getAtt) =>
        (getAtt[1].GetString() == "Arn" ? "ALARM:" : "") + LogicalName(getAtt[0].GetString()!);

    // Logical ids end in an 8-character hash ("Processor60228016"): keep the readable part.
    private static string LogicalName(string id) => id.Length > 8 ? id[..^8] : id;
}
