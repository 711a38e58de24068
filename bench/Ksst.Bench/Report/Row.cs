using Ksst.Bench.Measurement;

namespace Ksst.Bench.Report;

/// <summary>One line of the report: a measurement, its ratio to the matching baseline and its target.</summary>
/// <param name="Section">"baseline" or "scenario".</param>
/// <param name="Measured">What was measured.</param>
/// <param name="Baseline">The baseline it is compared with (same run), if any.</param>
/// <param name="ThroughputRatio">Throughput ÷ the baseline's throughput.</param>
/// <param name="P99Ratio">p99 ÷ the baseline's p99.</param>
/// <param name="Target">The goal, in words.</param>
/// <param name="Met">Whether this run met it.</param>
/// <param name="Note">Anything else measured with it (hit ratio, …).</param>
public sealed record Row(
    string Section, Measured Measured, string? Baseline = null, double? ThroughputRatio = null, double? P99Ratio = null,
    string? Target = null, bool? Met = null, string? Note = null)
{
    /// <summary>Compares <paramref name="measured"/> with <paramref name="baseline"/>.</summary>
    public static Row Against(Measured measured, Measured baseline, string? target = null, Func<double, double, bool>? met = null, string? note = null)
    {
        var throughput = baseline.Throughput > 0 ? measured.Throughput / baseline.Throughput : 0;
        var p99 = baseline.Latency.P99 > 0 ? measured.Latency.P99 / baseline.Latency.P99 : 0;
        return new Row("scenario", measured, $"{baseline.Name} @ {baseline.Load}", Math.Round(throughput, 3), Math.Round(p99, 2), target, met?.Invoke(throughput, p99), note);
    }
}
