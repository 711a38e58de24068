using System.Globalization;

namespace Ksst.StackHarness;

/// <summary>
/// The processes of a stack, read from /proc: a service's own process under the <c>dotnet run</c>
/// that Aspire launched, the whole tree under a process, an environment variable, resident memory.
/// </summary>
public static class ServiceProcesses
{
    /// <summary>
    /// The pid of the process running assembly <paramref name="assemblyName"/> (e.g. Ksst.Registration)
    /// among <paramref name="root"/> and its descendants, not the <c>dotnet run</c> that launched it.
    /// </summary>
    public static int? Find(string assemblyName, int root) =>
        Tree(root).Cast<int?>().FirstOrDefault(pid => Runs(pid!.Value, assemblyName));

    /// <summary><paramref name="root"/> and every process below it, parents before children.</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in AllPids())
        {
            if (ReadStat(pid) is { } stat)
            {
                (children.TryGetValue(stat.ParentId, out var list) ? list : children[stat.ParentId] = []).Add(pid);
            }
        }
        var tree = new List<int>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out var pid))
        {
            tree.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                next.Enqueue(child);
            }
        }
        return tree;
    }

    /// <summary>
    /// A process as it is now: its pid with its start time, so a later check is not fooled by a
    /// new process that reuses the number. Null when it is gone.
    /// </summary>
    public static RunningProcess? Identify(int pid) =>
        ReadStat(pid) is { } stat ? new RunningProcess(pid, stat.StartTicks, stat.Name) : null;

    /// <summary>True while <paramref name="process"/> (the same one, not a reuse of its pid) exists.</summary>
    public static bool IsAlive(RunningProcess process) =>
        ReadStat(process.Id) is { } stat && stat.StartTicks == process.StartTicks && stat.State != 'Z';

    /// <summary>The value of environment variable <paramref name="name"/> of process <paramref name="pid"/>, if readable.</summary>
    public static string? Environment(int pid, string name)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0')
                .Where(v => v.StartsWith(name + "=", StringComparison.Ordinal))
                .Select(v => v[(name.Length + 1)..]).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident set size in MiB (VmRSS), or null when the process is gone.</summary>
    public static double? ResidentMiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    return kib / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    private static bool Runs(int pid, string assemblyName)
    {
        string[] args;
        try
        {
            args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        // The service's apphost (bin/.../Ksst.Registration), or "dotnet bin/.../Ksst.Registration.dll".
        return args.Length > 0 && !args.Contains("run")
            && (args[0].EndsWith("/" + assemblyName, StringComparison.Ordinal)
                || (args.Length > 1 && args[1].EndsWith("/" + assemblyName + ".dll", StringComparison.Ordinal)));
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static Stat? ReadStat(int pid)
    {
        try
        {
            // pid (comm) state ppid ... starttime(22): comm may contain spaces, so split after ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            return new Stat(
                text[(text.IndexOf('(') + 1)..close],
                fields[0][0],
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // gone meanwhile
        }
    }

    private sealed record Stat(string Name, char State, int ParentId, long StartTicks);
}

/// <summary>One process, told apart from a later one with the same pid by its start time.</summary>
/// <param name="Id">The pid.</param>
/// <param name="StartTicks">When it started, in clock ticks after boot (/proc/pid/stat field 22).</param>
/// <param name="Name">Its command name, e.g. "beam.smp".</param>
public sealed record RunningProcess(int Id, long StartTicks, string Name);
