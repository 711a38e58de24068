using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Ksst.UnitTests.Platform;

public sealed class NoOrphanClientSpansTests
{
    private static SamplingDecision Decide(ActivityContext parent, ActivityKind kind) =>
        new ParentBasedSampler(new NoOrphanClientSpans())
            .ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "query", kind)).Decision;

    private static readonly ActivityContext SampledParent =
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    [Fact]
    public void A_client_call_outside_any_operation_is_not_traced() =>
        Assert.Equal(SamplingDecision.Drop, Decide(default, ActivityKind.Client));

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Internal)]
    public void Operations_start_traces(ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(default, kind));

    [Fact]
    public void A_client_call_inside_a_trace_is_traced() =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(SampledParent, ActivityKind.Client));
}
