namespace Ksst.Registration.Nominations;

/// <summary>The nominations that hold a seat, as a query the database can run.</summary>
internal static class SeatQueries
{
    /// <summary>Accepted, confirmed and attended nominations (see <see cref="NominationLifecycle.HoldsSeat"/>).</summary>
    public static IQueryable<Nomination> HoldingSeats(this IQueryable<Nomination> nominations) =>
        nominations.Where(n => n.Status == NominationStatus.Accepted || n.Status == NominationStatus.Confirmed || n.Status == NominationStatus.Attended);
}
