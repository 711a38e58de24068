using Grpc.Net.Client;

namespace Ksst.StackHarness;

/// <summary>One way to open gRPC channels, the same for the echo baseline and the services.</summary>
public static class Channels
{
    /// <summary>
    /// An h2c channel; extra HTTP/2 connections open when 100 streams are in use. With
    /// <paramref name="token"/>, every call carries that access token unless it sets its own.
    /// </summary>
    public static GrpcChannel Create(Uri address, Func<CancellationToken, Task<string>>? token = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = token is null ? handler : new BearerHandler(token, handler),
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
    }
}
