namespace Ksst.Notifications.Delivery;

/// <summary>One notification to one recipient, caused by one event.</summary>
public sealed class Delivery
{
    /// <summary>Identifier of the delivery.</summary>
    public Guid Id { get; init; }

    /// <summary>The event that caused it; with <see cref="Recipient"/> unique, so an event never mails twice.</summary>
    public Guid EventId { get; init; }

    /// <summary>The event's type name, e.g. "ParticipantNominated".</summary>
    public required string EventType { get; init; }

    /// <summary>Who it is for, by role: "participant", "agency" or "organisers".</summary>
    public required string Recipient { get; init; }

    /// <summary>The nomination it is about.</summary>
    public Guid NominationId { get; init; }

    /// <summary>The batch it is about.</summary>
    public required string BatchId { get; init; }

    /// <summary>"email".</summary>
    public required string Channel { get; init; }

    /// <summary>"en" or "id".</summary>
    public required string Language { get; set; }

    /// <summary>Where it stands.</summary>
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last error, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>W3C trace id of the flow that caused it, for finding its trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the mail server accepted it.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
