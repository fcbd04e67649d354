using System.Collections.Concurrent;

namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>
/// What the emulator received and how each delivery ended (the last 500 of each), for the
/// /_emulator/invocations view and for tests that host the emulator in-process.
/// </summary>
public sealed class InvocationLog
{
    private const int Capacity = 500;
    private readonly ConcurrentQueue<InvokeRecord> _invokes = new();
    private readonly ConcurrentQueue<InvocationResult> _results = new();
    private readonly ConcurrentQueue<string> _initErrors = new();

    public IReadOnlyCollection<InvokeRecord> Invokes => _invokes;

    public IReadOnlyCollection<InvocationResult> Results => _results;

    /// <summary>Bodies posted to /runtime/init/error: a function instance that could not start.</summary>
    public IReadOnlyCollection<string> InitErrors => _initErrors;

    internal void Add(InvokeRecord invoke) => Enqueue(_invokes, invoke);

    internal void Add(InvocationResult result) => Enqueue(_results, result);

    internal void AddInitError(string body) => Enqueue(_initErrors, body);

    public RecentInvocations Recent() => new([.. _invokes], [.. _results], [.. _initErrors]);

    private static void Enqueue<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        while (queue.Count > Capacity && queue.TryDequeue(out _))
        {
        }
    }
}

public sealed record RecentInvocations(
    IReadOnlyList<InvokeRecord> Invokes, IReadOnlyList<InvocationResult> Results, IReadOnlyList<string> InitErrors);
