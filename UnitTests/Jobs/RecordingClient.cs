using System.Reflection;

namespace VideoAspire.UnitTests.Jobs;

/// <summary>
/// A stand-in for an AWS client interface (IAmazonS3, IAmazonDynamoDB): records every call by method name with its
/// arguments and answers with <see cref="Answer"/>, which by default fails the call, so a test sees any request it did
/// not expect.
/// </summary>
public class RecordingClient : DispatchProxy
{
    public List<(string Method, object?[] Arguments)> Calls { get; } = [];

    public Func<MethodInfo, object?[], object?> Answer { get; set; } =
        (method, _) => throw new InvalidOperationException($"Unexpected AWS call: {method.Name}");

    /// <summary>A client of interface <typeparamref name="T"/> and its recorder.</summary>
    public static (T Client, RecordingClient Recorder) For<T>()
        where T : class
    {
        var client = Create<T, RecordingClient>();
        return (client, (RecordingClient)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IDisposable.Dispose))
        {
            return null; // the container disposes its singletons
        }

        Calls.Add((targetMethod.Name, args ?? []));
        return Answer(targetMethod, args ?? []);
    }
}
