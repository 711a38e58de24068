namespace Ksst.Notifications.Delivery;

/// <summary>Where one notification (an email or a webhook POST) stands; the moves between them are <see cref="DeliveryLifecycle"/>.</summary>
public enum DeliveryStatus
{
    /// <summary>Recorded, not yet attempted.</summary>
    Pending = 1,
    /// <summary>Accepted by the mail server (a webhook: answered 2xx).</summary>
    Sent = 2,
    /// <summary>The last attempt failed; another follows.</summary>
    Failed = 3,
    /// <summary>Every attempt failed; nothing follows unless an operator resends it.</summary>
    Dead = 4,
    /// <summary>Claimed: being handed to the mail server (or webhook receiver) right now.</summary>
    Sending = 5,
    /// <summary>
    /// Handed over, but its outcome was never learned (the service stopped, the connection broke
    /// before the server answered, or the outcome could not be saved): it may or may not have
    /// arrived. Never sent again automatically; an operator resends it.
    /// </summary>
    Uncertain = 6,
}
