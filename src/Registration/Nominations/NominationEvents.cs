using Ksst.Contracts.Events;

namespace Ksst.Registration.Nominations;

/// <summary>The integration event for each status a nomination can reach.</summary>
internal static class NominationEvents
{
    /// <summary>The event that says <paramref name="n"/> reached its current status, as of its current version.</summary>
    public static INominationEvent For(Nomination n, DateTimeOffset at, bool promoted = false)
    {
        var id = Guid.CreateVersion7(at);
        return n.Status switch
        {
            NominationStatus.Nominated => new ParticipantNominated(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Accepted when promoted => new ParticipantPromotedFromWaitlist(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Accepted => new ParticipantAccepted(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Waitlisted => new ParticipantWaitlisted(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Rejected => new ParticipantRejected(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Confirmed => new ParticipantConfirmed(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Withdrawn => new ParticipantWithdrawn(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            NominationStatus.Attended => new ParticipantAttended(id, at, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version),
            _ => throw new ArgumentOutOfRangeException(nameof(n), n.Status, "No event for this status."),
        };
    }
}
