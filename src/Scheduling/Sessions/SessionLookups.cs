using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Sessions;

/// <summary>Finds the venue or session a request names, or answers the caller's mistake.</summary>
internal static class SessionLookups
{
    /// <summary>The venue, untracked; NOT_FOUND when there is none.</summary>
    public static async Task<Venue> RequireVenueAsync(this SchedulingDbContext db, string venueId, CancellationToken ct) =>
        await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) ?? throw RpcErrors.NotFound("venue", venueId);

    /// <summary>The session, tracked when <paramref name="tracked"/>; NOT_FOUND when there is none, FAILED_PRECONDITION when it is cancelled.</summary>
    public static async Task<Session> RequireStandingSessionAsync(this SchedulingDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var sessions = tracked ? db.Sessions : db.Sessions.AsNoTracking();
        var session = await sessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw RpcErrors.NotFound("session", id.ToString());
        return session.Cancelled
            ? throw RpcErrors.FailedPrecondition("SESSION_CANCELLED", $"sessions/{id}", $"Session '{session.Title}' is cancelled; schedule a new one instead.")
            : session;
    }
}
