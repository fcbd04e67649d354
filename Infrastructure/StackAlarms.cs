using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace VideoAspire.Infrastructure;

/// <summary>
/// The early warnings: an SNS topic (with the email of <see cref="AlarmSettings.Email"/> subscribed, when given) told
/// when an alarm fires and when it clears, and one alarm per sign of trouble, thresholds from <see cref="AlarmSettings"/>.
/// A period with no data is healthy (no invocations, an empty queue), never an alarm.
/// </summary>
public sealed class StackAlarms : Construct
{
    private readonly string _prefix;
    private readonly SnsAction _notify;

    public StackAlarms(Construct scope, string id, StackSettings settings, WatchedMetrics metrics)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        _prefix = $"videoaspire-{settings.Stage}";
        var limits = settings.Alarms;
        Topic = new Topic(this, "Topic", new TopicProps { TopicName = $"{_prefix}-alarms", DisplayName = $"VideoAspire {settings.Stage} alarms" });
        if (limits.Email is { Length: > 0 } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        _notify = new SnsAction(Topic);

        Add("ProcessorErrors", metrics.ProcessorErrors, limits.ProcessorErrors, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            "Processor invocations ended in an error (transient failures Lambda retries, or crashes)");
        Add("ProcessorThrottles", metrics.ProcessorThrottles, limits.ProcessorThrottles, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            "Processor invocations were throttled: the account's or function's concurrency ran out");
        Add("ProcessorDuration", metrics.ProcessorDuration("p99"), ProcessorSizing.TimeoutSeconds * 1000.0 * limits.DurationPercentOfTimeout / 100,
            ComparisonOperator.GREATER_THAN_THRESHOLD,
            $"The slowest jobs (p99) ran past {limits.DurationPercentOfTimeout} % of the {ProcessorSizing.TimeoutSeconds} s timeout");
        Add("FailureQueueDepth", metrics.FailureQueueDepth, limits.FailureQueueDepth, ComparisonOperator.GREATER_THAN_THRESHOLD,
            "Events Lambda gave up on wait in the failure queue");
        Add("FailureQueueAge", metrics.FailureQueueAge, limits.FailureQueueAgeSeconds, ComparisonOperator.GREATER_THAN_THRESHOLD,
            "A failure-queue message is old: the Processor cannot fail its job");
        Add("TableThrottles", metrics.TableThrottles, limits.TableThrottles, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            "Requests to the jobs table were throttled");
        Add("TableSystemErrors", metrics.TableSystemErrors, limits.TableSystemErrors, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            "DynamoDB answered requests to the jobs table with system errors");
        if (metrics.Api5xxPercent is { } api5xx)
        {
            Add("Api5xx", api5xx, limits.Api5xxPercent, ComparisonOperator.GREATER_THAN_THRESHOLD,
                $"More than {limits.Api5xxPercent} % of the Api's responses were 5xx for ten minutes", evaluationPeriods: 2);
        }

        _ = new CfnOutput(Stack.Of(this), "AlarmTopicArn", new CfnOutputProps { Value = Topic.TopicArn, Description = "Alarm notifications" });
    }

    public Topic Topic { get; }

    public List<Alarm> All { get; } = [];

    private void Add(string id, IMetric metric, double threshold, ComparisonOperator comparison, string description, int evaluationPeriods = 1)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{_prefix}-{Kebab(id)}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = evaluationPeriods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(_notify);
        alarm.AddOkAction(_notify);
        All.Add(alarm);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
