namespace Ksst.Bench.Report;

/// <summary>Everything one run measured; written as JSON and as Markdown.</summary>
public sealed record BenchReport(
    DateTimeOffset StartedAt,
    Machine Machine,
    BenchOptions Options,
    IReadOnlyList<Row> Rows,
    IReadOnlyDictionary<string, double> StartUpSeconds,
    IReadOnlyDictionary<string, double> IdleResidentMiB,
    IReadOnlyDictionary<string, double> PeakResidentMiBUnderLoad,
    IReadOnlyDictionary<string, double> Timetable,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> CpuMsPerOperation);
