namespace Ksst.Bench.Stack;

/// <summary>
/// Finds a service's own process (not the <c>dotnet run</c> that launched it) through /proc, and
/// reads its resident memory.
/// </summary>
public static class ServiceProcesses
{
    /// <summary>The pid of the process running assembly <paramref name="assemblyName"/> (e.g. Ksst.Registration).</summary>
    public static int? Find(string assemblyName)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string[] args;
            try
            {
                args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (args.Length == 0 || args.Contains("run"))
            {
                continue;
            }
            if (args[0].EndsWith("/" + assemblyName, StringComparison.Ordinal)
                || (args.Length > 1 && args[1].EndsWith("/" + assemblyName + ".dll", StringComparison.Ordinal)))
            {
                return pid;
            }
        }
        return null;
    }

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
                    var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                    return kib / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}
