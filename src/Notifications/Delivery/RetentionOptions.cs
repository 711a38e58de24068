namespace Ksst.Notifications.Delivery;

/// <summary>How long the delivery logs keep finished entries (section "Notifications:Retention").</summary>
public sealed class RetentionOptions
{
    /// <summary>Days an email's finished entry (sent, dead or uncertain) is kept after it was recorded; 0 keeps them all.</summary>
    public int DeliveryLogDays { get; set; } = 365;

    /// <summary>Days a webhook delivery's finished entry is kept after it was recorded; 0 keeps them all.</summary>
    public int WebhookLogDays { get; set; } = 90;

    /// <summary>How often old entries are removed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries removed per transaction, so other writers wait at most one small delete.</summary>
    public int BatchSize { get; set; } = 500;
}
