namespace Ksst.Notifications.Delivery;

/// <summary>Where one notification stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Recorded, not yet accepted by the mail server.</summary>
    Pending = 1,
    /// <summary>Accepted by the mail server.</summary>
    Sent = 2,
    /// <summary>The last attempt failed; another follows.</summary>
    Failed = 3,
    /// <summary>Every attempt failed.</summary>
    Dead = 4,
}
