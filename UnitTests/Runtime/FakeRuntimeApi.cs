using System.Net;
using System.Threading.Channels;

namespace VideoAspire.UnitTests.Runtime;

/// <summary>
/// The Lambda Runtime API answered in memory: "next" hands out queued events (waiting, as Lambda does, while there
/// are none), and every answer the function posts (/response or /error) is recorded in order.
/// </summary>
internal sealed class FakeRuntimeApi : HttpMessageHandler
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:processor";
    public const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    public const long Deadline = 1_767_225_600_000;

    private readonly Channel<(string RequestId, byte[] Body)> _events = Channel.CreateUnbounded<(string, byte[])>();
    private readonly Channel<PostedAnswer> _answers = Channel.CreateUnbounded<PostedAnswer>();

    /// <summary>What "next" answers with; anything but 200 makes the runtime unreachable.</summary>
    public HttpStatusCode NextStatus { get; set; } = HttpStatusCode.OK;

    public void Enqueue(string requestId, byte[] body) => _events.Writer.TryWrite((requestId, body));

    /// <summary>The next answer posted; a loop that never posts it fails the test after 30 s instead of hanging it.</summary>
    public async Task<PostedAnswer> NextAnswerAsync(CancellationToken cancellationToken) =>
        await _answers.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
        {
            if (NextStatus != HttpStatusCode.OK)
            {
                return new HttpResponseMessage(NextStatus);
            }

            var (requestId, body) = await _events.Reader.ReadAsync(cancellationToken);
            var next = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            next.Headers.Add("Lambda-Runtime-Aws-Request-Id", requestId);
            next.Headers.Add("Lambda-Runtime-Deadline-Ms", Deadline.ToString(System.Globalization.CultureInfo.InvariantCulture));
            next.Headers.Add("Lambda-Runtime-Invoked-Function-Arn", FunctionArn);
            next.Headers.Add("Lambda-Runtime-Trace-Id", TraceHeader);
            return next;
        }

        var posted = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var errorType = request.Headers.TryGetValues("Lambda-Runtime-Function-Error-Type", out var values) ? values.Single() : null;
        await _answers.Writer.WriteAsync(new PostedAnswer(path, request.Content.Headers.ContentType?.MediaType, errorType, posted), cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }
}

/// <summary>One answer the function posted: where, with which content type and error type header, and the body.</summary>
internal sealed record PostedAnswer(string Path, string? ContentType, string? ErrorTypeHeader, byte[] Body);
