using System.Diagnostics.Metrics;

namespace Ksst.Scheduling.Agenda;

/// <summary>Hits and misses of the agenda and itinerary cache, as OpenTelemetry metrics.</summary>
internal sealed class CacheMetrics
{
    /// <summary>The meter's name (exported with the other Ksst.* meters).</summary>
    public const string MeterName = "Ksst.Scheduling";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public CacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>("ksst.scheduling.cache.hits", "{read}", "Agenda and itinerary reads served from the cache (memory or Redis).");
        _misses = meter.CreateCounter<long>("ksst.scheduling.cache.misses", "{read}", "Agenda and itinerary reads that had to be built from the database.");
    }

    /// <summary>Counts one read of <paramref name="view"/> ("agenda" or "itinerary").</summary>
    public void Read(string view, bool hit) => (hit ? _hits : _misses).Add(1, new KeyValuePair<string, object?>("view", view));
}
