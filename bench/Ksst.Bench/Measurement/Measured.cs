namespace Ksst.Bench.Measurement;

/// <summary>One measurement: how many calls completed in how long, and their latencies.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Load">The load shape, e.g. "32 in flight" or "500/s".</param>
/// <param name="Count">Completed operations that were timed.</param>
/// <param name="Errors">Operations that failed.</param>
/// <param name="Seconds">Measured time.</param>
/// <param name="Throughput">Completed operations per second.</param>
/// <param name="Latency">Latency percentiles (ms).</param>
/// <param name="FirstError">The first failure, if any, for the report.</param>
public sealed record Measured(string Name, string Load, long Count, long Errors, double Seconds, double Throughput, Percentiles Latency, string? FirstError = null);
