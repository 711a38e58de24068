using Ksst.Platform.Outbox;
using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;

namespace Ksst.Scheduling.Sessions;

/// <summary>
/// Every change to the timetable: scheduling, rescheduling and cancelling a session. The batch's
/// dates are read from Registration first; then one unit of work checks the session against the
/// database and the cached index, stores it with its event, and hands the change to the index
/// before the write lock is left. The batch's cached views are dropped after the commit.
/// </summary>
internal sealed class SessionCommands(
    SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableChecks checks, TimetableViews views, TimeProvider clock)
{
    /// <summary>Puts <paramref name="session"/> on its batch's timetable; FAILED_PRECONDITION naming every conflict when it does not fit.</summary>
    public async Task<(Session Session, Venue Venue)> ScheduleAsync(Session session, CancellationToken ct)
    {
        var window = await checks.WindowOfAsync(session.BatchId, ct);
        return await ChangeAsync(async () =>
        {
            var venue = await db.RequireVenueAsync(session.VenueId, ct);
            var audience = await checks.EnsureFitsAsync(session, venue, window, ct);
            db.Sessions.Add(session);
            db.AddEvent(SessionEvents.Scheduled(session, audience, clock.GetUtcNow()));
            return (session, venue);
        }, ct);
    }

    /// <summary>Moves a standing session to new times (and venue, when <paramref name="venueId"/> is not empty), checked as a new one would be.</summary>
    public async Task<(Session Session, Venue Venue)> RescheduleAsync(Guid id, DateTimeOffset start, DateTimeOffset end, string venueId, CancellationToken ct)
    {
        var before = await db.RequireStandingSessionAsync(id, tracked: false, ct);
        var window = await checks.WindowOfAsync(before.BatchId, ct);
        return await ChangeAsync(async () =>
        {
            var session = await db.RequireStandingSessionAsync(id, tracked: true, ct);
            var (oldStart, oldEnd) = (session.Start, session.End);
            session.Start = start;
            session.End = end;
            if (venueId.Length > 0)
            {
                session.VenueId = venueId;
            }
            var venue = await db.RequireVenueAsync(session.VenueId, ct);
            var audience = await checks.EnsureFitsAsync(session, venue, window, ct);
            db.AddEvent(SessionEvents.Rescheduled(session, oldStart, oldEnd, audience, clock.GetUtcNow()));
            return (session, venue);
        }, ct);
    }

    /// <summary>Takes a standing session off the timetable.</summary>
    public Task<(Session Session, Venue Venue)> CancelAsync(Guid id, string reason, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            var session = await db.RequireStandingSessionAsync(id, tracked: true, ct);
            session.Cancelled = true;
            session.CancelReason = reason;
            db.AddEvent(SessionEvents.Cancelled(session, await checks.AudienceOfAsync(session.BatchId, session.Groups, ct), clock.GetUtcNow()));
            return (session, await db.RequireVenueAsync(session.VenueId, ct));
        }, ct);

    /// <summary>
    /// Runs <paramref name="change"/> in the unit of work. The cached index takes the session as
    /// it will stand before the lock is left (the next writer checks against it) and forgets
    /// everything should the commit fail; the batch's views are dropped once it has committed,
    /// even when the caller has gone by then.
    /// </summary>
    private async Task<(Session Session, Venue Venue)> ChangeAsync(Func<Task<(Session Session, Venue Venue)>> change, CancellationToken ct)
    {
        var recorded = false;
        try
        {
            return await unitOfWork.RunAsync(async after =>
            {
                var (session, venue) = await change();
                checks.Record(session, venue);
                recorded = true;
                after.Then(() => views.InvalidateAsync(session.BatchId, CancellationToken.None));
                return (session, venue);
            }, ct);
        }
        catch when (recorded)
        {
            checks.Forget();
            throw;
        }
    }
}
