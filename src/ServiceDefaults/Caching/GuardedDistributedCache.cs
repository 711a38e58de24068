using Ksst.ServiceDefaults.Calls;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Ksst.ServiceDefaults.Caching;

/// <summary>
/// A distributed cache (Redis) behind a <see cref="CircuitBreaker"/>: a cache that is away is a
/// miss. A read that fails or times out answers "not cached", a write or removal that fails is
/// dropped, and either opens the breaker, so the calls after it skip the cache at once until a
/// single probe finds it back. Only the caller's own cancellation is passed on.
/// </summary>
public sealed partial class GuardedDistributedCache(IDistributedCache inner, CircuitBreaker breaker, CacheBreakerMetrics metrics, ILogger<GuardedDistributedCache> logger)
    : IDistributedCache
{
    /// <inheritdoc />
    public byte[]? Get(string key) => Guarded("get", () => inner.Get(key), null);

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        GuardedAsync("get", () => inner.GetAsync(key, token), null, token);

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Guarded("set", () => { inner.Set(key, value, options); return true; }, false);

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardedAsync("set", async () => { await inner.SetAsync(key, value, options, token); return true; }, false, token);

    /// <inheritdoc />
    public void Refresh(string key) => Guarded("refresh", () => { inner.Refresh(key); return true; }, false);

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) =>
        GuardedAsync("refresh", async () => { await inner.RefreshAsync(key, token); return true; }, false, token);

    /// <inheritdoc />
    public void Remove(string key) => Guarded("remove", () => { inner.Remove(key); return true; }, false);

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) =>
        GuardedAsync("remove", async () => { await inner.RemoveAsync(key, token); return true; }, false, token);

    private T Guarded<T>(string operation, Func<T> call, T away)
    {
        NetworkCalls.EnsureAllowed("Redis");
        if (!breaker.TryPass())
        {
            metrics.Bypassed(operation);
            return away;
        }
        try
        {
            var result = call();
            Recovered();
            return result;
        }
        catch (Exception ex)
        {
            Away(operation, ex);
            return away;
        }
    }

    private async Task<T> GuardedAsync<T>(string operation, Func<Task<T>> call, T away, CancellationToken token)
    {
        NetworkCalls.EnsureAllowed("Redis");
        if (!breaker.TryPass())
        {
            metrics.Bypassed(operation);
            return away;
        }
        try
        {
            var result = await call();
            Recovered();
            return result;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            breaker.Abandoned();
            throw;
        }
        catch (Exception ex)
        {
            Away(operation, ex);
            return away;
        }
    }

    private void Recovered()
    {
        if (breaker.Succeeded())
        {
            LogBack();
        }
    }

    private void Away(string operation, Exception ex)
    {
        metrics.Bypassed(operation);
        if (breaker.Failed())
        {
            LogAway(ex, operation, breaker.BreakDuration.TotalSeconds);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The cache failed a {Operation}; it is bypassed (reads miss, writes are dropped) and tried again every {BreakSeconds} s.")]
    private partial void LogAway(Exception ex, string operation, double breakSeconds);

    [LoggerMessage(LogLevel.Information, "The cache answers again; it is used again.")]
    private partial void LogBack();
}
