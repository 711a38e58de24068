namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The days a batch runs, from the first day's local midnight to the end of the last day in the
/// batch's time zone. Sessions must lie within it.
/// </summary>
/// <param name="BatchId">The batch.</param>
/// <param name="StartDate">First local day.</param>
/// <param name="EndDate">Last local day (inclusive).</param>
/// <param name="TimeZone">The batch's IANA time zone.</param>
public sealed record BatchWindow(string BatchId, DateOnly StartDate, DateOnly EndDate, TimeZoneInfo TimeZone)
{
    /// <summary>The first instant of the batch.</summary>
    public DateTimeOffset Opens => LocalMidnight(StartDate);

    /// <summary>The first instant after the batch.</summary>
    public DateTimeOffset Closes => LocalMidnight(EndDate.AddDays(1));

    /// <summary>A conflict when <paramref name="session"/> does not lie within the batch; null otherwise.</summary>
    public Conflict? Check(PlannedSession session) =>
        session.Start >= Opens && session.End <= Closes
            ? null
            : Conflict.Against(ConflictKind.OutsideBatchDates, $"batches/{BatchId}",
                $"'{session.Title}' is not within the batch's dates, {StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd} ({TimeZone.Id}).");

    private DateTimeOffset LocalMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
