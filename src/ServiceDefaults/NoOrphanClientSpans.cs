using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Samples every trace except those that would start with a client span: a database query, Redis
/// command or HTTP call made outside any operation (the outbox relay's idle polls, health-check
/// pings). Without this, each service adds a one-span "trace" every second and real flows drown.
/// Used as the root sampler of a parent-based sampler, so spans inside a trace are never dropped.
/// </summary>
public sealed class NoOrphanClientSpans : Sampler
{
    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
