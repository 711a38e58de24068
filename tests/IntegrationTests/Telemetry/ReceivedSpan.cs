using Google.Protobuf;
using Ksst.IntegrationTests.Telemetry.Otlp;

namespace Ksst.IntegrationTests.Telemetry;

/// <summary>One exported span as the receiver got it; ids in lower-case hex, as in a W3C traceparent.</summary>
/// <param name="Service">The exporting process's service.name.</param>
/// <param name="TraceId">The trace.</param>
/// <param name="SpanId">The span.</param>
/// <param name="ParentSpanId">Its parent, none for a root span.</param>
/// <param name="Name">Its name, e.g. "smtp send".</param>
/// <param name="Kind">Server, client, consumer, ...</param>
/// <param name="Attributes">Its attributes with scalar values, as text.</param>
/// <param name="Links">The spans it links to, as (trace id, span id).</param>
public sealed record ReceivedSpan(
    string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<(string TraceId, string SpanId)> Links)
{
    internal static ReceivedSpan From(string service, Span span) => new(
        service,
        Hex(span.TraceId)!,
        Hex(span.SpanId)!,
        Hex(span.ParentSpanId),
        span.Name,
        span.Kind,
        span.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.First().Value)),
        [.. span.Links.Select(l => (Hex(l.TraceId)!, Hex(l.SpanId)!))]);

    /// <summary>The attribute's value, or null.</summary>
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    public override string ToString() => $"{Service}: {Kind} \"{Name}\" {SpanId} <- {ParentSpanId ?? "root"}";

    private static string? Hex(ByteString id) => id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
