using System.Globalization;

namespace Ksst.Bench.Stack;

/// <summary>
/// CPU time used by this harness and the stack (the services, Redis, RabbitMQ, smtp4dev and
/// Aspire's DCP, which runs them detached, so they are found by name), grouped by what they are,
/// read from /proc. The machine is assumed to run nothing else of those kinds meanwhile.
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU seconds (user + system) so far, by process group.</summary>
    public static Dictionary<string, double> Snapshot()
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var process in Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? ReadStat(pid) : null).OfType<Stat>())
        {
            if (GroupOf(process) is { } group)
            {
                totals[group] = totals.GetValueOrDefault(group) + process.CpuSeconds;
            }
        }
        return totals;
    }

    /// <summary>CPU milliseconds per operation between two snapshots, by group.</summary>
    public static Dictionary<string, double> PerOperation(Dictionary<string, double> before, Dictionary<string, double> after, long operations) =>
        after.Where(a => a.Value - before.GetValueOrDefault(a.Key) > 0)
            .ToDictionary(a => a.Key, a => Math.Round((a.Value - before.GetValueOrDefault(a.Key)) * 1000 / Math.Max(1, operations), 3));

    private static string? GroupOf(Stat process) => process.Name switch
    {
        _ when process.Id == Environment.ProcessId => "bench (load generator)",
        "Ksst.Bench" => "echo server",
        "Ksst.Registrati" => "registration",
        "Ksst.Scheduling" => "scheduling",
        "Ksst.Notificati" => "notifications",
        "beam.smp" or "epmd" or "erl_child_setup" or "inet_gethost" => "rabbitmq",
        "redis-server" => "redis",
        "Rnwood.Smtp4dev" => "smtp4dev",
        "dcp" or "dcpctrl" or "dcpproc" => "aspire (dcp)",
        _ => null,
    };

    private static Stat? ReadStat(int pid)
    {
        try
        {
            // pid (comm) state ppid ... utime(14) stime(15): comm may contain spaces, so split after ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            var name = text[(text.IndexOf('(') + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new Stat(pid, name, ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // gone meanwhile
        }
    }

    private sealed record Stat(int Id, string Name, double CpuSeconds);
}
