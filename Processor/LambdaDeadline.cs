namespace VideoAspire.Processor;

/// <summary>How long a job may run in this invocation: the time to the deadline minus a safety margin, never negative.</summary>
public static class LambdaDeadline
{
    public static TimeSpan TimeLimit(DateTimeOffset now, long deadlineUnixMilliseconds, TimeSpan margin)
    {
        var remaining = DateTimeOffset.FromUnixTimeMilliseconds(deadlineUnixMilliseconds) - now;
        return remaining > margin ? remaining - margin : TimeSpan.Zero;
    }
}
