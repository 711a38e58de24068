using Grpc.Core;
using Grpc.Net.Client;

namespace Ksst.Ops;

/// <summary>A gRPC channel to a service of the running stack whose calls carry a demo client's token (from the stack's demo credentials).</summary>
internal static class DemoChannel
{
    /// <summary>How long one call, or getting the token, may take.</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    /// <summary>A channel to <paramref name="service"/> as the demo client <paramref name="clientId"/>.</summary>
    public static async Task<GrpcChannel> ForAsync(StackAddresses stack, string service, string clientId, CancellationToken ct)
    {
        var token = await new OAuth.TokenClient(stack.IssuerUri(), CallDeadline)
            .ForClientAsync(clientId, stack.ReadDemoCredentials().Client(clientId).Secret, scope: null, ct);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token.AccessToken}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(stack.GrpcUri(service), new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
