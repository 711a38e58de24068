using Ksst.ServiceDefaults.Health;

namespace Microsoft.Extensions.Hosting;

/// <summary>The stack's Redis, connected the same way in every service that caches.</summary>
public static class CacheExtensions
{
    /// <summary>The connection string name of Redis in the AppHost.</summary>
    public const string ConnectionName = "cache";

    /// <summary>
    /// Connects to Redis ("cache") with Aspire's client (tracing and a health check). A cache that is
    /// away only makes reads miss, so its health check reports the service Degraded, not Unhealthy.
    /// </summary>
    public static TBuilder AddServiceCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(ConnectionName);
        // Aspire names the check of the default (non-keyed) client "StackExchange.Redis".
        builder.Services.DegradedWhenDown("StackExchange.Redis");
        return builder;
    }
}
