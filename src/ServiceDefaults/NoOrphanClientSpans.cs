using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Samples traces that start with an operation, never those that would start with a client
/// span: a database query, Redis command or HTTP call made outside any operation (the outbox
/// relay's idle polls, health-check pings). Without this, each service adds a one-span "trace"
/// every second and real flows drown. Of the operations, a share is sampled by trace id
/// (<c>Telemetry:SampleRatio</c>, 1 = every trace, the default; a production stack under load may
/// keep, say, 0.1), so every service keeps or drops the same traces. Used as the root sampler of a
/// parent-based sampler, so spans inside a sampled trace are never dropped.
/// </summary>
public sealed class NoOrphanClientSpans : Sampler
{
    private readonly Sampler? _share;

    /// <summary>Samples <paramref name="ratio"/> (0 to 1) of the traces operations start.</summary>
    public NoOrphanClientSpans(double ratio = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ratio, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1.0);
        _share = ratio < 1.0 ? new TraceIdRatioBasedSampler(ratio) : null;
    }

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? new SamplingResult(SamplingDecision.Drop)
        : _share is null ? new SamplingResult(SamplingDecision.RecordAndSample)
        : _share.ShouldSample(samplingParameters);
}
