using Ksst.Platform.Tracing;
using Ksst.Platform.Audit;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// One email to one recipient, caused by one event (or reminder): the delivery log's entry and
/// the dispatcher's work item. Unique per event and recipient, so an event never mails twice.
/// </summary>
public sealed class Delivery : IDeliveryState
{
    // EF reads and writes the field, so loading a row leaves its stored TraceId as it is.
    private string? _traceParent;

    /// <summary>Identifier of the delivery; also the email's Message-Id.</summary>
    public Guid Id { get; init; }

    /// <summary>The event (or reminder) that caused it.</summary>
    public Guid EventId { get; init; }

    /// <summary>The event's type name, e.g. "ParticipantNominated", or "SessionReminder".</summary>
    public required string EventType { get; init; }

    /// <summary>Who it is for: "participant:{nominationId}", "agency:{nominationId}" or "organisers".</summary>
    public required string Recipient { get; init; }

    /// <summary>The nomination it is about (the participant's, for session notices); none for batch notices.</summary>
    public Guid? NominationId { get; init; }

    /// <summary>The batch it is about.</summary>
    public required string BatchId { get; init; }

    /// <summary>"email".</summary>
    public required string Channel { get; init; }

    /// <summary>The template, e.g. "participant-accepted".</summary>
    public required string Template { get; init; }

    /// <summary>"en" or "id": the recipient's language, English when unknown.</summary>
    public required string Language { get; set; }

    /// <summary>The recipient's name.</summary>
    [PersonalData]
    public required string ToName { get; init; }

    /// <summary>The recipient's email address.</summary>
    [PersonalData]
    public required string ToAddress { get; init; }

    /// <summary>The template's values (JSON object of strings); no passport or phone data.</summary>
    [PersonalData]
    public required string ModelJson { get; init; }

    /// <summary>Where it stands.</summary>
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Attempts handed to the mail server so far (an outage of the server spends none).</summary>
    public int Attempts { get; set; }

    /// <summary>The last error, for operators.</summary>
    [PersonalData]
    public string? LastError { get; set; }

    /// <summary>
    /// W3C trace id of the flow its sending belongs to (the event's, or the resend's after a
    /// resend), for finding its trace; always that of <see cref="TraceParent"/>.
    /// </summary>
    public string? TraceId { get; private set; }

    /// <summary>W3C traceparent of the activity that caused its sending: the send span's parent.</summary>
    public string? TraceParent
    {
        get => _traceParent;
        set
        {
            _traceParent = value;
            TraceId = CausingTrace.TraceIdOf(value);
        }
    }

    /// <summary>W3C tracestate that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due (pending or failed deliveries).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was last claimed for sending (Sending, and the claim an Uncertain delivery was left in).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the mail server accepted it.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
