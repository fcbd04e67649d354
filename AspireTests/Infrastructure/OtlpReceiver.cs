using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoAspire.AspireTests.Infrastructure;

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint owned by the test: every resource of the AppHost exports its traces
/// here, so a test can see which services took part in one trace. Logs and metrics are accepted and dropped.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private WebApplication _app = null!;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver._app = builder.Build();
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            foreach (var span in OtlpTraceParser.Parse(buffer.ToArray()))
            {
                receiver._spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        receiver._app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>One span as exported: the service that made it, its trace, its parent and its name.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// Reads ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) field by field: resource_spans(1)
/// -> resource(1).attributes(1) for service.name, scope_spans(2) -> spans(2) -> trace_id(1), span_id(2),
/// parent_span_id(4), name(5). Everything else is skipped.
/// </summary>
internal static class OtlpTraceParser
{
    public static IEnumerable<ReceivedSpan> Parse(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(ByteString.CopyFrom(request), 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1)).Select(Attribute)
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scope => Fields(scope, 2)))
            {
                spans.Add(ReadSpan(service, span));
            }
        }

        return spans;
    }

    private static ReceivedSpan ReadSpan(string service, ByteString span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var input = span.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 4: parent = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 5: name = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }

        return new ReceivedSpan(service, traceId, spanId, parent, name);
    }

    /// <summary>KeyValue { key = 1; AnyValue value = 2 { string_value = 1 } }.</summary>
    private static (string Key, string? Value) Attribute(ByteString keyValue)
    {
        string key = "";
        string? value = null;
        var input = keyValue.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: key = input.ReadString(); break;
                case 2: value = Fields(input.ReadBytes(), 1).Select(v => v.ToStringUtf8()).FirstOrDefault(); break;
                default: input.SkipLastField(); break;
            }
        }

        return (key, value);
    }

    /// <summary>The length-delimited values of field <paramref name="number"/> in a message.</summary>
    private static List<ByteString> Fields(ByteString message, int number)
    {
        var values = new List<ByteString>();
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }
}
