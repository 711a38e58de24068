using System.ComponentModel.DataAnnotations;

namespace Ksst.Platform.Inbox;

/// <summary>The inbox's settings (section "Inbox").</summary>
public sealed class InboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Inbox";

    /// <summary>
    /// How long a handled message's id is remembered (default 7 days, at least 1 day). A copy of a
    /// message that arrives later than this is handled again, so it must exceed the longest time
    /// a copy can still arrive: the publisher's relay sends again only what it had not marked
    /// published when it stopped (so a copy can come as late as a publisher stays down), MassTransit's
    /// in-memory retries last minutes, and an error queue drained later holds only messages that
    /// were never handled.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
