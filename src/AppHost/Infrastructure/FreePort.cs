using System.Net;
using System.Net.Sockets;

namespace Ksst.AppHost.Infrastructure;

/// <summary>Picks a free loopback TCP port.</summary>
/// <remarks>
/// Needed where two processes must share a target port: Aspire resolves a DCP-allocated target port
/// only inside its own resource's spec; another resource (or a health check) gets the unresolved
/// template text <c>{{- portForServing "name" -}}</c>.
/// Ports come from below the kernel's ephemeral range (32768–60999 on Linux): a port the kernel
/// hands out for "any port" can be taken again as the local port of an outgoing connection
/// before the server binds it (seen: RabbitMQ failing with could_not_start_listener).
/// </remarks>
internal static class FreePort
{
    private const int Lowest = 20000;
    private const int Highest = 32000;
    private static readonly HashSet<int> Given = [];

    /// <summary>Returns a port that is free on 127.0.0.1 now and not handed out before by this process.</summary>
    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest);
                if (Given.Contains(port))
                {
                    continue;
                }
                try
                {
                    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    Given.Add(port);
                    return port;
                }
                catch (SocketException)
                {
                    // In use: try another.
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }
}
