using System.Runtime.InteropServices;

namespace Ksst.Bench.Report;

/// <summary>The machine the run measured: figures only compare within one run on one machine.</summary>
public sealed record Machine(int Cores, string CpuModel, double MemoryGiB, string Os, string Runtime)
{
    /// <summary>Reads this machine (/proc on Linux).</summary>
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        double.TryParse(ProcLine("/proc/meminfo", "MemTotal")?.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var kib) ? Math.Round(kib / 1024 / 1024, 1) : 0,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string? ProcLine(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        return File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault();
    }
}
