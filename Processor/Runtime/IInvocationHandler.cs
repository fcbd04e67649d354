namespace VideoAspire.Processor.Runtime;

/// <summary>
/// The function's code as the runtime loop sees it: one invocation's bytes in, an <see cref="InvocationResult"/> out.
/// What the bytes mean is the handler's business; an exception it lets out is reported as an error of its type name.
/// </summary>
internal interface IInvocationHandler
{
    Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken);
}
