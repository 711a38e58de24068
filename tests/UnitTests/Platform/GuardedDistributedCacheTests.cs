using System.Diagnostics.Metrics;
using Ksst.ServiceDefaults.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Ksst.UnitTests.Platform;

/// <summary>A cache that is away is a miss: reads answer "not cached", writes are dropped, and the breaker skips it.</summary>
public sealed class GuardedDistributedCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly AwayCache _redis = new();
    private readonly ServiceProvider _services;
    private readonly CircuitBreaker _breaker;
    private readonly GuardedDistributedCache _cache;

    public GuardedDistributedCacheTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _breaker = new CircuitBreaker(_clock, TimeSpan.FromSeconds(5));
        _cache = new GuardedDistributedCache(_redis, _breaker, new CacheBreakerMetrics(_services.GetRequiredService<IMeterFactory>(), _breaker),
            NullLogger<GuardedDistributedCache>.Instance);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_failed_read_is_a_miss_and_opens_the_breaker_so_the_next_calls_skip_the_cache()
    {
        Assert.Null(await _cache.GetAsync("k"));
        Assert.Equal(BreakerState.Open, _breaker.State);
        Assert.Null(await _cache.GetAsync("k"));
        await _cache.SetAsync("k", [1], new DistributedCacheEntryOptions());
        await _cache.RemoveAsync("k");

        Assert.Equal(1, _redis.Calls);
    }

    [Fact]
    public async Task A_timed_out_write_is_dropped_without_failing_the_caller()
    {
        _redis.Failure = new RedisTimeoutException("Timeout performing SET", CommandStatus.Sent);
        await _cache.SetAsync("k", [1], new DistributedCacheEntryOptions());
        _cache.Remove("k");
        Assert.Equal(BreakerState.Open, _breaker.State);
        Assert.Equal(1, _redis.Calls);
    }

    [Fact]
    public async Task After_the_break_one_probe_finds_the_cache_back_and_it_is_used_again()
    {
        Assert.Null(await _cache.GetAsync("k"));
        _redis.Failure = null;
        _clock.Advance(TimeSpan.FromSeconds(5));

        await _cache.SetAsync("k", [7], new DistributedCacheEntryOptions());
        Assert.Equal(BreakerState.Closed, _breaker.State);
        Assert.Equal([7], await _cache.GetAsync("k"));
        Assert.Equal(3, _redis.Calls);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_passed_on()
    {
        _redis.Failure = null;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _cache.GetAsync("k", cancelled.Token));
        Assert.Equal(BreakerState.Closed, _breaker.State);
    }

    [Fact]
    public async Task HybridCache_over_a_cache_that_is_away_builds_the_value_and_invalidates_by_tag_without_failing()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IDistributedCache>(_cache)
            .AddHybridCache().Services
            .BuildServiceProvider();
        var hybrid = services.GetRequiredService<HybridCache>();

        var value = await hybrid.GetOrCreateAsync("agenda", _ => ValueTask.FromResult("built"), tags: ["batch:b"]);
        await hybrid.RemoveByTagAsync("batch:b");

        Assert.Equal("built", value);
        Assert.Equal("rebuilt", await hybrid.GetOrCreateAsync("agenda", _ => ValueTask.FromResult("rebuilt"), tags: ["batch:b"]));
    }

    /// <summary>A distributed cache that fails every call while <see cref="Failure"/> is set, and stores values otherwise.</summary>
    private sealed class AwayCache : IDistributedCache
    {
        private readonly Dictionary<string, byte[]> _values = [];

        public Exception? Failure { get; set; } = new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation");

        public int Calls { get; private set; }

        public byte[]? Get(string key) => Call(() => _values.GetValueOrDefault(key));

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            token.ThrowIfCancellationRequested();
            return Task.FromResult(Get(key));
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Call(() => _values[key] = value);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key) => Call(() => key);

        public Task RefreshAsync(string key, CancellationToken token = default)
        {
            Refresh(key);
            return Task.CompletedTask;
        }

        public void Remove(string key) => Call(() => _values.Remove(key));

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        private T Call<T>(Func<T> action)
        {
            Calls++;
            return Failure is { } failure ? throw failure : action();
        }
    }
}
