using Microsoft.Extensions.Configuration;
using VideoAspire.Core.Jobs;
using VideoAspire.Core.Lambda;
using VideoAspire.Core.Storage;

namespace VideoAspire.Processor;

/// <summary>
/// The function invoking itself, asynchronously: the sweep sends a stranded job again, and a split job sends each chunk
/// (so Lambda runs the chunks side by side, one invocation each).
/// </summary>
internal sealed class SelfInvoke(IServiceProvider services, ObjectStore objects, IConfiguration configuration, ILogger<SelfInvoke> logger)
    : IChunkSender
{
    public Task JobAsync(Job job, CancellationToken cancellationToken) =>
        Invoker.InvokeJobAsync(FunctionName, job, objects.Bucket, cancellationToken);

    /// <summary>False when Lambda could not take the event now; the chunk stays QUEUED and the sweep sends it again.</summary>
    public async Task<bool> SendChunkAsync(Job job, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await Invoker.InvokeChunkAsync(FunctionName, job, chunk, objects.Bucket, cancellationToken);
            return true;
        }
        catch (LambdaInvokeException e)
        {
            Log.ChunkInvokeFailed(logger, e, job.Id, chunk);
            return false;
        }
    }

    // Typed clients are transient: one per use, as the factory intends.
    private LambdaInvoker Invoker => services.GetRequiredService<LambdaInvoker>();

    private string FunctionName => configuration["AWS_LAMBDA_FUNCTION_NAME"]
        ?? throw new InvalidOperationException("AWS_LAMBDA_FUNCTION_NAME is not set: the function cannot invoke itself.");
}
