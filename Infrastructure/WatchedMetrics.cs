using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Metrics;

namespace VideoAspire.Infrastructure;

/// <summary>
/// The metrics the alarms and the dashboard watch, built once so both read the same thing: AWS's own metrics of the
/// Processor, its failure queue, the jobs table and the Api, and the job metrics the Processor writes as embedded
/// metric lines (<see cref="CloudWatchJobMetrics"/>). Every metric is over <see cref="Period"/>.
/// </summary>
public sealed class WatchedMetrics(Function processor, Queue failures, Table table, ApiService? api, string jobMetricsNamespace)
{
    public static readonly Duration Period = Duration.Minutes(5);

    /// <summary>The table operations the services call; CloudWatch reports throttles and system errors per operation.</summary>
    private static readonly Operation[] TableOperations =
        [Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.QUERY, Operation.SCAN];

    public IMetric ProcessorInvocations => processor.MetricInvocations(Sum());

    public IMetric ProcessorErrors => processor.MetricErrors(Sum());

    public IMetric ProcessorThrottles => processor.MetricThrottles(Sum());

    /// <summary>Duration in milliseconds at a percentile statistic such as "p99".</summary>
    public IMetric ProcessorDuration(string percentile) =>
        processor.MetricDuration(new MetricOptions { Period = Period, Statistic = percentile, Label = percentile });

    public IMetric ProcessorConcurrency => processor.Metric("ConcurrentExecutions", new MetricOptions { Period = Period, Statistic = "Maximum" });

    public IMetric FailureQueueDepth => failures.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" });

    public IMetric FailureQueueAge => failures.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = Period, Statistic = "Maximum" });

    public IMetric TableThrottles => table.MetricThrottledRequestsForOperations(new OperationsMetricOptions { Operations = TableOperations, Period = Period });

    public IMetric TableSystemErrors => table.MetricSystemErrorsForOperations(new SystemErrorsForOperationsMetricOptions { Operations = TableOperations, Period = Period });

    /// <summary>The Api's 5xx responses in percent of its requests (0 when there were none), or null without an Api.</summary>
    public IMetric? Api5xxPercent => api is null ? null : new MathExpression(new MathExpressionProps
    {
        Expression = "IF(requests > 0, 100 * errors / requests, 0)",
        UsingMetrics = new Dictionary<string, IMetric>
        {
            ["requests"] = api.Metric("Requests"),
            ["errors"] = api.Metric("5xxStatusResponses"),
        },
        Period = Period,
        Label = "5xx %",
    });

    /// <summary>Jobs finished by the Processor with one method and outcome (from the embedded metric lines).</summary>
    public IMetric JobsFinished(ProcessingMethod method, JobOutcome outcome) => new Metric(new MetricProps
    {
        Namespace = jobMetricsNamespace,
        MetricName = CloudWatchJobMetrics.JobsFinished,
        DimensionsMap = new Dictionary<string, string>
        {
            [CloudWatchJobMetrics.MethodDimension] = method.ToWireName(),
            [CloudWatchJobMetrics.OutcomeDimension] = JobTelemetry.OutcomeTag(outcome),
        },
        Statistic = "Sum",
        Period = Period,
        Label = $"{method.ToWireName()} {JobTelemetry.OutcomeTag(outcome)}",
    });

    private static MetricOptions Sum() => new() { Period = Period, Statistic = "Sum" };
}
