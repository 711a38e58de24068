namespace Ksst.Notifications.Notices;

/// <summary>Whom a notice goes to.</summary>
public enum RecipientRole
{
    /// <summary>The participant of the nomination.</summary>
    Participant,
    /// <summary>The nominating agency's contact.</summary>
    Agency,
    /// <summary>The programme's organisers (configured address).</summary>
    Organisers,
}

/// <summary>One recipient of a notice, before their address is looked up.</summary>
/// <param name="Role">Who.</param>
/// <param name="NominationId">Whose nomination (participant and agency recipients).</param>
public sealed record PlannedRecipient(RecipientRole Role, Guid? NominationId = null)
{
    /// <summary>The delivery log's recipient key, unique per event.</summary>
    public string Key => Role switch
    {
        RecipientRole.Participant => $"participant:{NominationId}",
        RecipientRole.Agency => $"agency:{NominationId}",
        _ => "organisers",
    };
}

/// <summary>What an event means to Notifications: which template, to whom, with which values.</summary>
/// <param name="Template">The template key, e.g. "participant-accepted".</param>
/// <param name="EventType">The event's type name.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="Recipients">Who hears of it.</param>
/// <param name="Model">The template values the event gives, in a language (dates are written in it).</param>
public sealed record NotificationPlan(
    string Template, string EventType, string BatchId, IReadOnlyList<PlannedRecipient> Recipients,
    Func<string, Dictionary<string, string>> Model);
