namespace Ksst.Registration.Nominations;

/// <summary>
/// The moves a nomination may make. Nominated → Accepted | Waitlisted | Rejected; Waitlisted →
/// Accepted | Rejected; Accepted → Confirmed | Rejected; Confirmed → Attended; Withdrawn from
/// any open state. Rejected, Attended and Withdrawn are final.
/// </summary>
public static class NominationLifecycle
{
    private static readonly Dictionary<NominationStatus, NominationStatus[]> Moves = new()
    {
        [NominationStatus.Nominated] = [NominationStatus.Accepted, NominationStatus.Waitlisted, NominationStatus.Rejected, NominationStatus.Withdrawn],
        [NominationStatus.Waitlisted] = [NominationStatus.Accepted, NominationStatus.Rejected, NominationStatus.Withdrawn],
        [NominationStatus.Accepted] = [NominationStatus.Confirmed, NominationStatus.Rejected, NominationStatus.Withdrawn],
        [NominationStatus.Confirmed] = [NominationStatus.Attended, NominationStatus.Withdrawn],
        [NominationStatus.Rejected] = [],
        [NominationStatus.Attended] = [],
        [NominationStatus.Withdrawn] = [],
    };

    /// <summary>True when a nomination in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(NominationStatus from, NominationStatus to) => Moves[from].Contains(to);

    /// <summary>True for the statuses that hold a seat.</summary>
    public static bool HoldsSeat(NominationStatus status) =>
        status is NominationStatus.Accepted or NominationStatus.Confirmed or NominationStatus.Attended;
}
