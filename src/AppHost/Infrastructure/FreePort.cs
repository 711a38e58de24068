using System.Net;
using System.Net.Sockets;

namespace Ksst.AppHost.Infrastructure;

/// <summary>Picks a free loopback TCP port.</summary>
/// <remarks>
/// Needed where two processes must share a target port: Aspire resolves a DCP-allocated target port
/// only inside its own resource's spec; another resource (or a health check) gets the unresolved
/// template text <c>{{- portForServing "name" -}}</c>.
/// </remarks>
internal static class FreePort
{
    /// <summary>Returns a port the kernel reports free on 127.0.0.1 right now.</summary>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
