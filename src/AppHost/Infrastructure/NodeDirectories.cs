using System.Diagnostics;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// Per-run folders of local RabbitMQ nodes. Each run gets a fresh node (two stacks may run at once);
/// a folder records the AppHost's process id, so folders of AppHosts that have exited can be removed.
/// </summary>
internal static class NodeDirectories
{
    private const string OwnerFile = "apphost.pid";

    /// <summary>Creates <c>&lt;root&gt;/&lt;node&gt;</c> owned by this process and returns its full path.</summary>
    public static string Create(string root, string node)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, node)).FullName;
        File.WriteAllText(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dir;
    }

    /// <summary>Deletes node folders under <paramref name="root"/> whose owning AppHost is no longer running.</summary>
    public static void DeleteStale(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (IsOwnerAlive(Path.Combine(dir, OwnerFile)))
            {
                continue;
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still in use or not ours to delete: leave it for a later run.
            }
        }
    }

    private static bool IsOwnerAlive(string ownerFile)
    {
        if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}
