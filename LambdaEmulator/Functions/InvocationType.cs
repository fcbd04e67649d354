namespace VideoAspire.LambdaEmulator.Functions;

/// <summary>X-Amz-Invocation-Type: what the caller waits for.</summary>
public enum InvocationType
{
    /// <summary>The caller waits for the function's result (200, X-Amz-Function-Error on a function error).</summary>
    RequestResponse,

    /// <summary>Queued (202); a function error is retried <see cref="LambdaEmulatorOptions.AsyncRetries"/> times.</summary>
    Event,
}
