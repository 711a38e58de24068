using Grpc.Core;

namespace Ksst.ServiceDefaults.Access;

/// <summary>The verified caller of a gRPC call.</summary>
public static class CallContextExtensions
{
    /// <summary>
    /// The caller of <paramref name="context"/>. Every RPC that is not public has passed the
    /// access check by the time its handler runs, so a caller is always there.
    /// </summary>
    public static Caller Caller(this ServerCallContext context) =>
        Access.Caller.From(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "an access token is required"));
}
