using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace VideoAspire.Api.Processing;

/// <summary>
/// The bounded in-memory queue of job ids for the in-process worker. It is only a cache of the table:
/// a job that does not fit stays QUEUED in DynamoDB and is picked up by the worker's next sweep.
/// </summary>
internal sealed class InProcessQueue(IOptions<ProcessingOptions> options)
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentDictionary<string, byte> _waiting = new();

    /// <summary>True when the job is now waiting in memory (or already was); false when the queue is full.</summary>
    public bool TryEnqueue(string jobId)
    {
        if (!_waiting.TryAdd(jobId, 0))
        {
            return true;
        }

        if (_channel.Writer.TryWrite(jobId))
        {
            return true;
        }

        _waiting.TryRemove(jobId, out _);
        return false;
    }

    public bool IsWaiting(string jobId) => _waiting.ContainsKey(jobId);

    public async ValueTask<string> DequeueAsync(CancellationToken cancellationToken)
    {
        var jobId = await _channel.Reader.ReadAsync(cancellationToken);
        _waiting.TryRemove(jobId, out _);
        return jobId;
    }
}
