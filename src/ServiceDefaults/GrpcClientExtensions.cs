using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Ksst.ServiceDefaults.Access;
using Ksst.ServiceDefaults.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Typed gRPC clients to other KSST services, found through service discovery.</summary>
public static class GrpcClientExtensions
{
    /// <summary>
    /// Registers a gRPC client for <paramref name="serviceName"/>'s "grpc" endpoint. Retries come
    /// from gRPC's own retry policy (exponential backoff, bounded attempts, only for transient
    /// codes); the HTTP resilience handler added to every HttpClient is removed here so retries
    /// are never doubled. A call whose caller set no deadline gets the default one
    /// (<see cref="ServiceCallOptions.DefaultDeadline"/>, configuration "ServiceCalls:DefaultDeadline"),
    /// which bounds the call with its retries, so no call waits forever. Each call carries this
    /// service's access token (<see cref="ServiceTokenHandler"/>) unless it already has one.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class
    {
        services.AddOptions<ServiceCallOptions>().BindConfiguration(ServiceCallOptions.Section);
        ServiceTokens.Add(services);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt out.
        return services
            .AddGrpcClient<TClient>(o =>
            {
                o.Address = new Uri($"http://_grpc.{serviceName}");
                o.ChannelOptionsActions.Add(channel =>
                {
                    channel.ServiceConfig = RetryingServiceConfig;
                    // A service that was away is reached again within seconds of its return, not after
                    // gRPC's default reconnect backoff of up to two minutes (the stack is on one host).
                    channel.MaxReconnectBackoff = MaxReconnectBackoff;
                });
            })
            .AddInterceptor(provider => new DefaultDeadlineInterceptor(
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetRequiredService<IOptions<ServiceCallOptions>>().Value.DefaultDeadline))
            .RemoveAllResilienceHandlers()
            // After removing the resilience handler, so a retried call asks for a fresh token only when it must.
            .AddHttpMessageHandler<ServiceTokenHandler>();
#pragma warning restore EXTEXP0001
    }

    /// <summary>The longest wait between attempts to reconnect to a service that is away.</summary>
    public static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(3);

    private static readonly ServiceConfig RetryingServiceConfig = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 4,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
