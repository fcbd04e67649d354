using System.Globalization;

namespace VideoAspire.Infrastructure;

/// <summary>
/// Alarm thresholds, each from CDK context (-c key=value; keys in parentheses). Every alarm looks at five-minute
/// periods. The defaults warn early without paging for one retried hiccup.
/// </summary>
public sealed record AlarmSettings
{
    /// <summary>Email address subscribed to the alarm topic (alarmEmail); none by default (subscribe later by hand).</summary>
    public string? Email { get; init; }

    /// <summary>Processor errors in five minutes that raise the alarm (alarmProcessorErrors). A transient failure reports an error so Lambda retries it; a few are normal.</summary>
    public int ProcessorErrors { get; init; } = 3;

    /// <summary>Throttled Processor invocations in five minutes (alarmProcessorThrottles): any throttle means the account's concurrency ran out.</summary>
    public int ProcessorThrottles { get; init; } = 1;

    /// <summary>The p99 Processor duration, in percent of its timeout, above which jobs are near the deadline (alarmDurationPercent).</summary>
    public int DurationPercentOfTimeout { get; init; } = 80;

    /// <summary>Failure-queue messages visible above which the alarm fires (alarmFailureQueueDepth): by default any.</summary>
    public int FailureQueueDepth { get; init; }

    /// <summary>Age in seconds of the oldest failure-queue message (alarmFailureQueueAgeSeconds): the Processor reads the queue, so an old message is one it cannot handle.</summary>
    public int FailureQueueAgeSeconds { get; init; } = 3600;

    /// <summary>Throttled requests on the jobs table in five minutes (alarmTableThrottles).</summary>
    public int TableThrottles { get; init; } = 1;

    /// <summary>DynamoDB system errors (HTTP 500) on the jobs table in five minutes (alarmTableSystemErrors).</summary>
    public int TableSystemErrors { get; init; } = 1;

    /// <summary>Percentage of the Api's responses that are 5xx, over two five-minute periods in a row (alarmApi5xxPercent).</summary>
    public int Api5xxPercent { get; init; } = 5;

    /// <summary>Reads every threshold from context; a missing or non-positive value (negative for the depth) keeps the default.</summary>
    public static AlarmSettings FromContext(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var defaults = new AlarmSettings();
        int Int(string key, int fallback, int minimum = 1) =>
            int.TryParse(get(key), CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : fallback;
        return new AlarmSettings
        {
            Email = get("alarmEmail"),
            ProcessorErrors = Int("alarmProcessorErrors", defaults.ProcessorErrors),
            ProcessorThrottles = Int("alarmProcessorThrottles", defaults.ProcessorThrottles),
            DurationPercentOfTimeout = Math.Min(100, Int("alarmDurationPercent", defaults.DurationPercentOfTimeout)),
            FailureQueueDepth = Int("alarmFailureQueueDepth", defaults.FailureQueueDepth, minimum: 0),
            FailureQueueAgeSeconds = Int("alarmFailureQueueAgeSeconds", defaults.FailureQueueAgeSeconds),
            TableThrottles = Int("alarmTableThrottles", defaults.TableThrottles),
            TableSystemErrors = Int("alarmTableSystemErrors", defaults.TableSystemErrors),
            Api5xxPercent = Math.Min(100, Int("alarmApi5xxPercent", defaults.Api5xxPercent)),
        };
    }
}
