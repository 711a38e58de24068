using System.Diagnostics;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// Decides whether a container runtime is usable by running <c>&lt;runtime&gt; info</c>, where the
/// runtime is <c>$ASPIRE_CONTAINER_RUNTIME</c> (e.g. <c>podman</c>) or <c>docker</c>.
/// </summary>
internal static class ContainerRuntimeProbe
{
    /// <summary>How long the runtime may take to answer before it counts as absent.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Returns <see langword="true"/> when the runtime's engine answered <c>info</c> successfully.</summary>
    public static bool IsAvailable()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME");
        if (string.IsNullOrWhiteSpace(runtime))
        {
            runtime = "docker";
        }

        var start = new ProcessStartInfo(runtime, "info")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            // Drain the pipes so a chatty client cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the client is not installed
        }
    }
}
