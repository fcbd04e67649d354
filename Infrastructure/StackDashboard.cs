using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Infrastructure;

/// <summary>
/// One CloudWatch dashboard per stage: the alarms' states, then the Processor (invocations, errors, duration
/// percentiles against its timeout, concurrency), the failure queue, jobs finished per method and outcome, the jobs
/// table and (when deployed) the Api.
/// </summary>
public sealed class StackDashboard : Construct
{
    public StackDashboard(Construct scope, string id, StackSettings settings, WatchedMetrics metrics, IReadOnlyList<Alarm> alarms)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        var dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = $"videoaspire-{settings.Stage}" });
        dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. alarms], Width = 24 }));
        dashboard.AddWidgets(
            Graph("Processor invocations, errors, throttles", metrics.ProcessorInvocations, metrics.ProcessorErrors, metrics.ProcessorThrottles),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Processor duration (ms)",
                Left = [metrics.ProcessorDuration("p50"), metrics.ProcessorDuration("p90"), metrics.ProcessorDuration("p99")],
                LeftAnnotations = [new HorizontalAnnotation { Value = ProcessorSizing.TimeoutSeconds * 1000, Label = "timeout" }],
                Width = 8,
            }),
            Graph("Processor concurrency", metrics.ProcessorConcurrency));
        var jobs = Enum.GetValues<ProcessingMethod>()
            .SelectMany(method => Enum.GetValues<JobOutcome>().Select(outcome => metrics.JobsFinished(method, outcome)))
            .ToArray();
        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps { Title = "Jobs finished by method and outcome", Left = jobs, Width = 16 }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Failure queue",
                Left = [metrics.FailureQueueDepth],
                Right = [metrics.FailureQueueAge],
                Width = 8,
            }));

        // One graph each: both sum the same operations, and ids may not repeat within a graph.
        var table = new List<IWidget> { Graph("Jobs table throttled requests", metrics.TableThrottles), Graph("Jobs table system errors", metrics.TableSystemErrors) };
        if (metrics.Api5xxPercent is { } api5xx)
        {
            table.Add(Graph("Api 5xx (% of requests)", api5xx));
        }

        dashboard.AddWidgets([.. table]);
    }

    private static GraphWidget Graph(string title, params IMetric[] metrics) =>
        new(new GraphWidgetProps { Title = title, Left = metrics, Width = 8 });
}
