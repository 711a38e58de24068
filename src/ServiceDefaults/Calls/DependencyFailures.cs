using Grpc.Core;
using StackExchange.Redis;

namespace Ksst.ServiceDefaults.Calls;

/// <summary>Which failures mean a dependency (another service, Redis) is briefly away rather than that the work is wrong.</summary>
public static class DependencyFailures
{
    /// <summary>
    /// True for a service that did not answer in time or at all (gRPC Unavailable, DeadlineExceeded,
    /// ResourceExhausted), a Redis error, or a timeout: worth retrying for minutes.
    /// </summary>
    public static bool IsAway(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted,
        RedisException or TimeoutException => true,
        _ => false,
    };
}
