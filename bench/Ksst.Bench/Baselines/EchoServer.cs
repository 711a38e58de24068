using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ksst.Bench.Baselines;

/// <summary>
/// The gRPC ceiling: a bare ASP.NET Core gRPC server with one unary echo method, on loopback h2c
/// with the services' Kestrel settings (an HTTP/2-only endpoint, default limits), run as a process
/// of its own like the services. No telemetry, no database, no interceptors.
/// </summary>
public static class EchoServer
{
    /// <summary>The argument that makes the bench executable run as the echo server.</summary>
    public const string Command = "echo-server";

    /// <summary>
    /// Serves on a port of 127.0.0.1 the kernel picks, writes its address as the first line of
    /// stdout, and stops when stdin closes.
    /// </summary>
    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        Console.WriteLine(app.Urls.Single());
        // The harness closes our stdin when it is done (or dies): stop then.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    private sealed class EchoService : Echo.EchoBase
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, EchoMessage> Replies = new();

        public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) =>
            Task.FromResult(request.ReplyBytes > 0
                ? Replies.GetOrAdd(request.ReplyBytes, size => new EchoMessage { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[size]) })
                : request);
    }
}
