using System.Diagnostics.Metrics;

namespace Ksst.Platform.Outbox;

/// <summary>
/// The outbox as OpenTelemetry metrics (meter <see cref="MeterName"/>): its dead and pending rows,
/// the age of the oldest pending one, and the relay's failures by reason.
/// </summary>
internal sealed class OutboxMetrics
{
    /// <summary>The meter's name (exported with the other Ksst.* meters).</summary>
    public const string MeterName = "Ksst.Outbox";

    /// <summary>A publish the broker returned: no queue was bound to the event's exchange.</summary>
    public const string Returned = "returned";

    /// <summary>A row whose type is unknown or whose payload cannot be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The broker was away, did not answer in time or did not confirm.</summary>
    public const string Broker = "broker";

    /// <summary>A subscriber queue of the event did not exist yet: its rows wait.</summary>
    public const string SubscriberMissing = "subscriber-missing";

    private readonly Counter<long> _failures;
    private static readonly TimeSpan CensusKept = TimeSpan.FromMilliseconds(500);
    private readonly Func<OutboxCounts?> _counts;
    private readonly TimeProvider _clock;
    private OutboxCounts? _last;

    /// <summary>Creates the instruments; the gauges read <paramref name="counts"/> (null when the database cannot be read).</summary>
    public OutboxMetrics(IMeterFactory meters, TimeProvider clock, Func<OutboxCounts?> counts)
    {
        _counts = counts;
        _clock = clock;
        var meter = meters.Create(MeterName);
        _failures = meter.CreateCounter<long>("ksst.outbox.failures", "{attempt}",
            "Failed publish attempts by reason: \"returned\", \"unreadable\" (these two count towards the row's attempts), \"broker\", \"subscriber-missing\".");
        meter.CreateObservableGauge("ksst.outbox.dead", () => Read(c => c.Dead), "{event}",
            "Outbox rows that ran out of attempts and wait for an operator (./ksst outbox retry).");
        meter.CreateObservableGauge("ksst.outbox.pending", () => Read(c => c.Pending), "{event}",
            "Outbox rows not yet published (not dead).");
        meter.CreateObservableGauge("ksst.outbox.pending.age", () => Read(c => c.OldestPendingAge.TotalSeconds), "s",
            "How long the oldest pending outbox row has waited; 0 when none is pending.");
    }

    /// <summary>Counts one failed attempt.</summary>
    public void Failed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    // The three gauges are read one after the other in one collection: one census (kept for
    // half a second) serves them.
    // While the database cannot be read they report nothing rather than a misleading zero.
    private IEnumerable<Measurement<T>> Read<T>(Func<OutboxCounts, T> value) where T : struct
    {
        var last = _last;
        if (last is null || _clock.GetUtcNow() - last.At > CensusKept)
        {
            last = _last = _counts();
        }
        return last is null ? [] : [new Measurement<T>(value(last))];
    }
}

/// <summary>A census of the outbox at <see cref="At"/>.</summary>
/// <param name="Pending">Rows not yet published, not dead.</param>
/// <param name="Dead">Dead rows.</param>
/// <param name="OldestPendingAge">Age of the oldest pending row.</param>
/// <param name="At">When it was counted.</param>
internal sealed record OutboxCounts(long Pending, long Dead, TimeSpan OldestPendingAge, DateTimeOffset At);
