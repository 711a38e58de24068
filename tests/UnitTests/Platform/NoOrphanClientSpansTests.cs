using Microsoft.Extensions.Configuration;
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

    [Fact]
    public void A_ratio_keeps_that_share_of_the_traces_operations_start_and_never_an_orphan_client_span()
    {
        var sampler = new ParentBasedSampler(new NoOrphanClientSpans(0.25));
        var kept = Enumerable.Range(0, 10_000).Count(_ => sampler.ShouldSample(
            new SamplingParameters(default, ActivityTraceId.CreateRandom(), "call", ActivityKind.Server)).Decision == SamplingDecision.RecordAndSample);
        Assert.InRange(kept, 2_200, 2_800);
        Assert.Equal(SamplingDecision.Drop, new ParentBasedSampler(new NoOrphanClientSpans(0.25))
            .ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "query", ActivityKind.Client)).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(new SamplingParameters(SampledParent, ActivityTraceId.CreateRandom(), "query", ActivityKind.Client)).Decision);
    }

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("0", 0.0)]
    public void The_ratio_comes_from_configuration_and_defaults_to_every_trace(string? setting, double ratio)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:SampleRatio"] = setting }).Build();
        Assert.Equal(ratio, TelemetryExtensions.SampleRatio(configuration));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("half")]
    public void A_ratio_out_of_range_stops_the_service(string setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:SampleRatio"] = setting }).Build();
        Assert.Throws<InvalidOperationException>(() => TelemetryExtensions.SampleRatio(configuration));
    }
}
