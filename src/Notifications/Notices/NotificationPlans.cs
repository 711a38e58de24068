using System.Globalization;
using Ksst.Contracts.Events;

namespace Ksst.Notifications.Notices;

/// <summary>
/// Every event Notifications handles, and what it sends for it. Nomination decisions go to the
/// participant and usually their agency; confirmations and withdrawals also to the organisers;
/// batch openings and closings to the organisers; timetable changes to the participants affected.
/// </summary>
public static class NotificationPlans
{
    /// <summary>The plan for <paramref name="e"/>.</summary>
    public static NotificationPlan For(IIntegrationEvent e, LocalTimes times) => e switch
    {
        ParticipantNominated n => Nomination("participant-nominated", n, RecipientRole.Participant, RecipientRole.Agency),
        ParticipantAccepted n => Nomination("participant-accepted", n, RecipientRole.Participant, RecipientRole.Agency),
        ParticipantWaitlisted n => Nomination("participant-waitlisted", n, RecipientRole.Participant, RecipientRole.Agency),
        ParticipantRejected n => Nomination("participant-rejected", n, RecipientRole.Participant, RecipientRole.Agency),
        ParticipantConfirmed n => Nomination("participant-confirmed", n, RecipientRole.Participant, RecipientRole.Organisers),
        ParticipantAttended n => Nomination("participant-attended", n, RecipientRole.Participant),
        ParticipantWithdrawn n => Nomination("participant-withdrawn", n, RecipientRole.Participant, RecipientRole.Agency, RecipientRole.Organisers),
        ParticipantPromotedFromWaitlist n => Nomination("participant-promoted", n, RecipientRole.Participant, RecipientRole.Agency),
        BatchOpened b => new("batch-opened", nameof(BatchOpened), b.BatchId, [new(RecipientRole.Organisers)], language => new()
        {
            ["batch_id"] = b.BatchId,
            ["batch_number"] = b.Number.ToString(CultureInfo.InvariantCulture),
            ["nomination_deadline"] = times.Format(b.NominationDeadline, language),
        }),
        BatchClosed b => new("batch-closed", nameof(BatchClosed), b.BatchId, [new(RecipientRole.Organisers)], _ => new() { ["batch_id"] = b.BatchId }),
        SessionScheduled s => Session("session-scheduled", nameof(SessionScheduled), s.BatchId, s.AffectedNominationIds, language => new()
        {
            ["batch_id"] = s.BatchId, ["session_title"] = s.Title,
            ["session_start"] = times.Format(s.Start, language), ["session_end"] = times.Format(s.End, language),
        }),
        SessionRescheduled s => Session("session-rescheduled", nameof(SessionRescheduled), s.BatchId, s.AffectedNominationIds, language => new()
        {
            ["batch_id"] = s.BatchId, ["session_title"] = s.Title, ["old_start"] = times.Format(s.OldStart, language),
            ["session_start"] = times.Format(s.NewStart, language), ["session_end"] = times.Format(s.NewEnd, language),
        }),
        SessionCancelled s => Session("session-cancelled", nameof(SessionCancelled), s.BatchId, s.AffectedNominationIds, language => new()
        {
            ["batch_id"] = s.BatchId, ["session_title"] = s.Title, ["session_start"] = times.Format(s.Start, language),
        }),
        _ => throw new ArgumentException($"Notifications has no plan for {e.GetType().Name}.", nameof(e)),
    };

    /// <summary>The reminder, the day before a session, to its audience.</summary>
    public static NotificationPlan Reminder(string batchId, string title, DateTimeOffset start, DateTimeOffset end, IEnumerable<Guid> audience, LocalTimes times) =>
        Session("session-reminder", "SessionReminder", batchId, audience.ToList(), language => new()
        {
            ["batch_id"] = batchId, ["session_title"] = title,
            ["session_start"] = times.Format(start, language), ["session_end"] = times.Format(end, language),
        });

    /// <summary>The values every recipient's template gets besides the event's.</summary>
    public static void AddRecipient(Dictionary<string, string> model, string recipientName, string? participantName)
    {
        model["recipient_name"] = recipientName;
        if (participantName is not null)
        {
            model["participant_name"] = participantName;
        }
    }

    private static NotificationPlan Nomination(string template, INominationEvent n, params RecipientRole[] roles) =>
        new(template, n.GetType().Name, n.BatchId, roles.Select(r => new PlannedRecipient(r, n.NominationId)).ToList(), _ => new() { ["batch_id"] = n.BatchId });

    private static NotificationPlan Session(string template, string eventType, string batchId, IReadOnlyList<Guid> audience, Func<string, Dictionary<string, string>> model) =>
        new(template, eventType, batchId, audience.Select(id => new PlannedRecipient(RecipientRole.Participant, id)).ToList(), model);
}
