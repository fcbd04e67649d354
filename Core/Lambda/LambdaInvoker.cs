using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace VideoAspire.Core.Lambda;

/// <summary>
/// Lambda's Invoke API (POST /2015-03-31/functions/{name}/invocations) over an HttpClient whose pipeline
/// signs every attempt with SigV4 (AWSSDK.Core's SigV4SigningHandler, innermost, below the retries).
/// </summary>
public sealed class LambdaInvoker(HttpClient http)
{
    /// <summary>Asynchronous invoke ("Event"): Lambda queues the event and answers 202.</summary>
    public async Task InvokeEventAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(functionName, payload, "Event", cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new LambdaInvokeException(
                $"Lambda refused the event: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}",
                LambdaInvokeException.IsTransientStatus(response.StatusCode));
        }
    }

    /// <summary>Synchronous invoke ("RequestResponse"): the function's result, or its error when X-Amz-Function-Error is set.</summary>
    public async Task<(bool FunctionError, string Body)> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(functionName, payload, "RequestResponse", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LambdaInvokeException($"Lambda refused the invocation: {(int)response.StatusCode} {body}",
                LambdaInvokeException.IsTransientStatus(response.StatusCode));
        }

        return (response.Headers.Contains("X-Amz-Function-Error"), body);
    }

    private async Task<HttpResponseMessage> SendAsync(string functionName, byte[] payload, string invocationType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", UriKind.Relative))
        {
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new LambdaInvokeException($"Lambda could not be reached: {e.Message}", isTransient: true, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The HTTP pipeline's own limits (its timeout handlers throw TaskCanceledException or Polly's
            // TimeoutRejectedException) are this boundary's failures too; only the caller's cancellation passes through.
            throw new LambdaInvokeException($"Lambda did not answer in time: {e.Message}", isTransient: true, e);
        }
    }
}
