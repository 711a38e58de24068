using Ksst.ServiceDefaults.Caching;
using Ksst.ServiceDefaults.Health;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>The stack's Redis, connected the same way in every service that caches.</summary>
public static class CacheExtensions
{
    /// <summary>The connection string name of Redis in the AppHost.</summary>
    public const string ConnectionName = "cache";

    /// <summary>How long the cache is skipped after it failed or timed out, before one call probes it.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to Redis ("cache") with Aspire's client (tracing and a health check) and registers
    /// it as the service's <see cref="IDistributedCache"/>, behind a breaker: a cache that is away
    /// is a miss. Commands time out after a few hundred milliseconds and fail at once while
    /// disconnected (no backlog), so a stopped or hung Redis costs one call that much, once; then
    /// the breaker skips it, and every <see cref="BreakDuration"/> one call probes it. A cache that
    /// is away only makes reads miss, so its health checks report the service Degraded, not Unhealthy.
    /// </summary>
    public static TBuilder AddServiceCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(ConnectionName, configureOptions: options =>
        {
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectTimeout = 1000;
            // A command without an answer in 500 ms has timed out; timeouts are noticed on the
            // heartbeat, so it beats four times a second rather than once.
            options.SyncTimeout = 500;
            options.AsyncTimeout = 500;
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(250);
        });
        // Aspire names the check of the default (non-keyed) client "StackExchange.Redis".
        builder.Services.DegradedWhenDown("StackExchange.Redis");

        builder.Services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((options, services) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddSingleton(services => new CircuitBreaker(services.GetService<TimeProvider>() ?? TimeProvider.System, BreakDuration));
        builder.Services.AddSingleton<CacheBreakerMetrics>();
        builder.Services.AddSingleton<IDistributedCache>(services => new GuardedDistributedCache(
            new RedisCache(services.GetRequiredService<IOptions<RedisCacheOptions>>()),
            services.GetRequiredService<CircuitBreaker>(),
            services.GetRequiredService<CacheBreakerMetrics>(),
            services.GetRequiredService<ILogger<GuardedDistributedCache>>()));
        builder.Services.AddHealthChecks().AddCheck<CacheBreakerHealthCheck>(CacheBreakerHealthCheck.Name, HealthStatus.Degraded);
        return builder;
    }
}
