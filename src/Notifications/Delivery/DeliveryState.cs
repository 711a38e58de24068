using Ksst.Platform.Tracing;

namespace Ksst.Notifications.Delivery;

/// <summary>What an email and a webhook delivery share: where they stand and how their attempts went.</summary>
public interface IDeliveryState : ITracedWork
{
    /// <summary>Identifier.</summary>
    Guid Id { get; }

    /// <summary>When it was recorded.</summary>
    DateTimeOffset CreatedAt { get; }

    /// <summary>Where it stands.</summary>
    DeliveryStatus Status { get; set; }

    /// <summary>Attempts handed to the receiver so far (an outage of the receiver spends none).</summary>
    int Attempts { get; set; }

    /// <summary>The last error, for operators.</summary>
    string? LastError { get; set; }

    /// <summary>When the next attempt is due (while waiting).</summary>
    DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was last claimed for sending.</summary>
    DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the last attempt was made.</summary>
    DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the receiver accepted it.</summary>
    DateTimeOffset? SentAt { get; set; }
}
