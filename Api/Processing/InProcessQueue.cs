using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Processing;

/// <summary>
/// The bounded in-memory queue of work for the in-process worker: whole jobs, and chunks of split jobs. It is only a
/// cache of the table: work that does not fit stays QUEUED in DynamoDB and is picked up by the worker's next sweep.
/// </summary>
internal sealed class InProcessQueue(IOptions<ProcessingOptions> options)
{
    private readonly Channel<JobWork> _channel = Channel.CreateBounded<JobWork>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentDictionary<string, byte> _waiting = new();

    /// <summary>True when the work is now waiting in memory (or already was); false when the queue is full.</summary>
    public bool TryEnqueue(JobWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_waiting.TryAdd(work.Key, 0))
        {
            return true;
        }

        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        _waiting.TryRemove(work.Key, out _);
        return false;
    }

    /// <param name="key">A <see cref="JobWork.Key"/>: the job id for a whole job.</param>
    public bool IsWaiting(string key) => _waiting.ContainsKey(key);

    public async ValueTask<JobWork> DequeueAsync(CancellationToken cancellationToken)
    {
        var work = await _channel.Reader.ReadAsync(cancellationToken);
        _waiting.TryRemove(work.Key, out _);
        return work;
    }
}
