using Ksst.Notifications.Delivery;

namespace Ksst.Notifications.Webhooks;

/// <summary>One event POSTed to one subscription; unique per subscription and event.</summary>
public sealed class WebhookDelivery : IDeliveryState
{
    /// <summary>Identifier, sent as the Ksst-Webhook-Id header.</summary>
    public Guid Id { get; init; }

    /// <summary>The subscription.</summary>
    public Guid SubscriptionId { get; init; }

    /// <summary>The event.</summary>
    public Guid EventId { get; init; }

    /// <summary>The event's exchange name.</summary>
    public required string EventType { get; init; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Body { get; init; }

    /// <summary>Where it stands (<see cref="DeliveryLifecycle"/>).</summary>
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Attempts handed to the receiver so far (a receiver refusing connections spends none).</summary>
    public int Attempts { get; set; }

    /// <summary>The last error or HTTP status, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>W3C traceparent of the event's consumer: the POST is traced as its child.</summary>
    public string? TraceParent { get; set; }

    /// <summary>W3C tracestate that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was last claimed for sending.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the receiver answered 2xx.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
