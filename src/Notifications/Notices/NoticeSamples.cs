using Ksst.Contracts.Events;

namespace Ksst.Notifications.Notices;

/// <summary>
/// A sample of every notice's template values, made by the same plans real events go through;
/// the templates are checked against them at start and in tests.
/// </summary>
public static class NoticeSamples
{
    /// <summary>Template key → a model as real deliveries would carry it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Models(LocalTimes times)
    {
        var (id, at, batch, nomination, session) = (Guid.NewGuid(), DateTimeOffset.UtcNow, "ksst-sme-2018", Guid.NewGuid(), Guid.NewGuid());
        IIntegrationEvent[] events =
        [
            new ParticipantNominated(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantAccepted(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantWaitlisted(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantRejected(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantConfirmed(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantAttended(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantWithdrawn(id, at, batch, nomination, "NP", "en", 1),
            new ParticipantPromotedFromWaitlist(id, at, batch, nomination, "NP", "en", 1),
            new BatchOpened(id, at, batch, "ksst-sme", 3, at),
            new BatchClosed(id, at, batch, "ksst-sme", 3),
            new SessionScheduled(id, at, batch, session, "Jumputan workshop", at, at, [nomination], 1),
            new SessionRescheduled(id, at, batch, session, "Jumputan workshop", at, at, at, at, [nomination], 2),
            new SessionCancelled(id, at, batch, session, "Jumputan workshop", at, [nomination], 3),
        ];
        var plans = events.Select(e => NotificationPlans.For(e, times))
            .Append(NotificationPlans.Reminder(batch, "Jumputan workshop", at, at, [nomination], times));
        return plans.ToDictionary(p => p.Template, p =>
        {
            var model = p.Model("en");
            NotificationPlans.AddRecipient(model, "Sujata Shrestha", p.Recipients.Any(r => r.NominationId is not null) ? "Sujata Shrestha" : null);
            return (IReadOnlyDictionary<string, string>)model;
        });
    }
}
