using System.Diagnostics.Metrics;

namespace Ksst.ServiceDefaults.Caching;

/// <summary>The cache breaker as OpenTelemetry metrics: calls that skipped the cache, and its state.</summary>
public sealed class CacheBreakerMetrics
{
    /// <summary>The meter's name (exported with the other Ksst.* meters).</summary>
    public const string MeterName = "Ksst.Cache";

    private readonly Counter<long> _bypassed;

    /// <summary>Creates the instruments; the state gauge reads <paramref name="breaker"/>.</summary>
    public CacheBreakerMetrics(IMeterFactory meters, CircuitBreaker breaker)
    {
        var meter = meters.Create(MeterName);
        _bypassed = meter.CreateCounter<long>("ksst.cache.bypassed", "{call}",
            "Cache calls answered without the cache: it failed or timed out, or the breaker was open.");
        meter.CreateObservableGauge("ksst.cache.breaker.state", () => (int)breaker.State, "{state}",
            "The cache breaker: 0 closed (the cache is used), 1 open (skipped), 2 half-open (one probe under way).");
    }

    /// <summary>Counts one call (get, set, refresh, remove) answered without the cache.</summary>
    public void Bypassed(string operation) => _bypassed.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
