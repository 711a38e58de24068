using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;

namespace Ksst.IntegrationTests;

/// <summary>The operating-system process that runs a service of the stack (Linux: read from /proc).</summary>
public static class ServiceProcesses
{
    /// <summary>
    /// The process of <paramref name="resource"/> named <paramref name="executable"/> (e.g.
    /// "Ksst.Notifications"): the one Aspire launched (it may be <c>dotnet run</c>) or one below it.
    /// </summary>
    public static int Of(StackFixture stack, string resource, string executable)
    {
        if (!stack.App.ResourceNotifications.TryGetCurrentState(resource, out var state)
            || state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } launched)
        {
            throw new InvalidOperationException($"Aspire names no process of {resource}.");
        }
        var root = Convert.ToInt32(launched, CultureInfo.InvariantCulture);
        return Tree(root).FirstOrDefault(pid => Path.GetFileName(ExecutableOf(pid)) == executable) is var found and > 0
            ? found
            : throw new InvalidOperationException($"No process {executable} runs below {resource}'s process {root}.");
    }

    /// <summary>Kills <paramref name="pid"/> with SIGKILL: no shutdown of any kind.</summary>
    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    private static IEnumerable<int> Tree(int root)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToList();
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Parent == tree[i]).Select(p => p.Pid));
        }
        return tree;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // Gone meanwhile.
        }
    }

    private static string? ExecutableOf(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
