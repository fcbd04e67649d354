using System.Diagnostics;
using VideoAspire.Core.Lambda;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// Hands a job to the Processor function. Here rather than on <see cref="LambdaInvoker"/>: the invoker is the Invoke
/// transport and knows no jobs; the job's event (<see cref="ProcessorEvent"/>) belongs to the jobs layer.
/// </summary>
public static class LambdaInvokerJobExtensions
{
    /// <summary>Asynchronous invoke with a job's event, carrying the current W3C trace context so one trace shows the job.</summary>
    public static Task InvokeJobAsync(this LambdaInvoker invoker, string functionName, Job job, string bucket, CancellationToken cancellationToken) =>
        invoker.InvokeEventAsync(functionName, ProcessorEvent.ForJob(job, bucket, Activity.Current?.Id).ToJson(), cancellationToken);

    /// <summary>Asynchronous invoke with one chunk's event of a split job.</summary>
    public static Task InvokeChunkAsync(this LambdaInvoker invoker, string functionName, Job job, int chunk, string bucket, CancellationToken cancellationToken) =>
        invoker.InvokeEventAsync(functionName, ProcessorEvent.ForChunk(job, chunk, bucket, Activity.Current?.Id).ToJson(), cancellationToken);
}
