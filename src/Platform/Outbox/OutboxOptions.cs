using System.ComponentModel.DataAnnotations;

namespace Ksst.Platform.Outbox;

/// <summary>The outbox's settings (section "Outbox").</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Outbox";

    /// <summary>
    /// Failures of a row itself after which it is dead (default 10, about two minutes of
    /// backoff). Only the row's own failures count — an unknown type, an unreadable payload, a
    /// publish the broker returned as unroutable — never a broker that is away or a subscriber
    /// queue not yet declared, so an outage of any length kills no row.
    /// </summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long a published row is kept, for operators to look back (default 7 days); then it is
    /// pruned. Pending and dead rows are never pruned.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
