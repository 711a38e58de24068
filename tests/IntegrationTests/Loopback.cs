using System.Net;
using System.Net.Sockets;

namespace Ksst.IntegrationTests;

/// <summary>Addresses for test servers: loopback only.</summary>
public static class Loopback
{
    /// <summary>A TCP port free on 127.0.0.1 at the time of asking (for servers that cannot take port 0).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
