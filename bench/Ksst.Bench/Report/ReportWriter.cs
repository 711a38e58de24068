using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ksst.Bench.Report;

/// <summary>Writes a run's report as Markdown (for people and docs/performance.md) and JSON (for tools).</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes bench-{time}.md and .json (and latest.md/.json) under the output folder; returns the Markdown.</summary>
    public static async Task<string> WriteAsync(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = Markdown(report);
        var json = JsonSerializer.Serialize(report, Json);
        var stamp = report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        foreach (var name in new[] { $"bench-{stamp}", "latest" })
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), json);
        }
        return markdown;
    }

    /// <summary>The report as Markdown tables.</summary>
    public static string Markdown(BenchReport report)
    {
        var m = report.Machine;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# KSST benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores, {m.CpuModel}, {m.MemoryGiB} GiB, {m.Os}, {m.Runtime}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Warm-up {report.Options.WarmUp.TotalSeconds:0} s, each measurement {report.Options.Measure.TotalSeconds:0} s. Latencies in ms (nearest rank).");
        foreach (var section in new[] { "baseline", "scenario" })
        {
            md.AppendLine();
            md.AppendLine(section == "baseline" ? "## Baselines (this machine's ceilings)" : "## Scenarios (the real stack, Release, local mode)");
            md.AppendLine();
            md.AppendLine("| Measurement | Load | ops/s | p50 | p99 | p99.9 | n (errors) | vs baseline | Target | Met |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|---|");
            foreach (var row in report.Rows.Where(r => r.Section == section))
            {
                var x = row.Measured;
                var versus = row.Baseline is null ? "" : $"{row.ThroughputRatio:0.###}× ops/s, {row.P99Ratio:0.##}× p99 of {row.Baseline}";
                var met = row.Met switch { true => "yes", false => "**no**", null => "" };
                var note = row.Note is null ? "" : $" ({row.Note})";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {x.Name}{note} | {x.Load} | {x.Throughput:0} | {Ms(x.Latency.P50)} | {Ms(x.Latency.P99)} | {Ms(x.Latency.P999)} | {x.Count} ({x.Errors}) | {versus} | {row.Target} | {met} |");
            }
        }
        md.AppendLine();
        md.AppendLine("## Timetable at scale (in process)");
        md.AppendLine();
        foreach (var (name, value) in report.Timetable)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value:0.###}");
        }
        md.AppendLine();
        md.AppendLine("## Start-up and memory");
        md.AppendLine();
        md.AppendLine("| Resource | Healthy after (s) | RSS idle (MiB) | RSS peak under load (MiB) |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, seconds) in report.StartUpSeconds.OrderBy(s => s.Value))
        {
            var idle = report.IdleResidentMiB.TryGetValue(name, out var i) ? $"{i:0}" : "";
            var peak = report.PeakResidentMiBUnderLoad.TryGetValue(name, out var p) ? $"{p:0}" : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {seconds:0.0} | {idle} | {peak} |");
        }
        if (report.CpuMsPerOperation.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Where the CPU goes (ms of CPU per operation, by process)");
            md.AppendLine();
            var groups = report.CpuMsPerOperation.Values.SelectMany(v => v.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            md.AppendLine("| Measurement | " + string.Join(" | ", groups) + " | total |");
            md.AppendLine("|---|" + string.Concat(groups.Select(_ => "---:|")) + "---:|");
            foreach (var (name, perGroup) in report.CpuMsPerOperation)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {string.Join(" | ", groups.Select(g => perGroup.TryGetValue(g, out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : ""))} | {perGroup.Values.Sum():0.00} |");
            }
        }
        var errors = report.Rows.Where(r => r.Measured.FirstError is not null).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Errors seen");
            md.AppendLine();
            errors.ForEach(r => md.AppendLine(CultureInfo.InvariantCulture, $"- {r.Measured.Name} @ {r.Measured.Load}: {r.Measured.FirstError}"));
        }
        return md.ToString();
    }

    /// <summary>Milliseconds with precision that suits the size (microsecond figures stay readable).</summary>
    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
