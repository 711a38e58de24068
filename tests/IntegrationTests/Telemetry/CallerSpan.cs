using System.Diagnostics;
using Grpc.Core;

namespace Ksst.IntegrationTests.Telemetry;

/// <summary>
/// A span of the test's own, as a caller that traces would have: sent as the W3C traceparent of
/// a call, it makes the call's server span its child, so the whole flow is in a trace the test knows.
/// </summary>
public sealed class CallerSpan
{
    /// <summary>The trace, lower-case hex.</summary>
    public string TraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();

    /// <summary>The caller's span, lower-case hex; never exported, so the server span's parent is not received.</summary>
    public string SpanId { get; } = ActivitySpanId.CreateRandom().ToHexString();

    /// <summary>gRPC headers that carry it (sampled).</summary>
    public Metadata Headers => new() { { "traceparent", $"00-{TraceId}-{SpanId}-01" } };
}
