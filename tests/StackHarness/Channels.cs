using Grpc.Net.Client;

namespace Ksst.StackHarness;

/// <summary>One way to open gRPC channels, the same for the echo baseline and the services.</summary>
public static class Channels
{
    /// <summary>An h2c channel; extra HTTP/2 connections open when 100 streams are in use.</summary>
    public static GrpcChannel Create(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        },
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    });
}
