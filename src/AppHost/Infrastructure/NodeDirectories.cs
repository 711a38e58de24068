using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// Folders of local RabbitMQ nodes: one node per data folder, named after it, so a stack started
/// again on the same data finds its broker's queues and messages (two stacks on different data
/// folders may run at once). A folder records the running AppHost's process id: a second AppHost
/// on the same data is refused, and folders of other nodes whose AppHost has exited are removed.
/// </summary>
internal static class NodeDirectories
{
    private const string OwnerFile = "apphost.pid";

    /// <summary>The node name of the stack whose data lives in <paramref name="dataRoot"/>: <c>ksst-</c> and 8 hex digits.</summary>
    public static string NodeName(string dataRoot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataRoot)));
        return "ksst-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>
    /// Creates (or reuses) <c>&lt;root&gt;/&lt;node&gt;</c>, records this process as its owner and
    /// returns its full path; throws when another running AppHost owns it.
    /// </summary>
    public static string Claim(string root, string node)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, node)).FullName;
        var owner = Path.Combine(dir, OwnerFile);
        if (IsOwnerAlive(owner) && File.ReadAllText(owner).Trim() != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException(
                $"Another AppHost (process {File.ReadAllText(owner).Trim()}) runs a stack on this data folder ({dir}). " +
                "Stop it first, or give this one a data folder of its own (Ksst:DataRoot).");
        }
        File.WriteAllText(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dir;
    }

    /// <summary>Deletes node folders under <paramref name="root"/>, except <paramref name="keep"/>, whose owning AppHost is no longer running.</summary>
    public static void DeleteStale(string root, string keep)
    {
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (Path.GetFileName(dir) == keep || IsOwnerAlive(Path.Combine(dir, OwnerFile)))
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
