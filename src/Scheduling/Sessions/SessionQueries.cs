using Ksst.Scheduling.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Sessions;

/// <summary>What the timetable holds: sessions, venues and speakers, and the dry-run check of a proposal.</summary>
internal sealed class SessionQueries(SchedulingDbContext db, TimetableChecks checks)
{
    /// <summary>The batch's sessions by start (cancelled ones too when asked), each with its venue's city.</summary>
    public async Task<IReadOnlyList<(Session Session, string City)>> SessionsAsync(string batchId, bool includeCancelled, CancellationToken ct)
    {
        var cities = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.City, ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.BatchId == batchId && (includeCancelled || !s.Cancelled))
            .OrderBy(s => s.Start)
            .ToListAsync(ct);
        return sessions.Select(s => (s, cities.GetValueOrDefault(s.VenueId, ""))).ToList();
    }

    /// <summary>The batch of session <paramref name="id"/>; NOT_FOUND when there is none.</summary>
    public async Task<string> BatchOfSessionAsync(Guid id, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.BatchId).SingleOrDefaultAsync(ct)
            ?? throw RpcErrors.NotFound("session", id.ToString());

    /// <summary>Every conflict <paramref name="proposal"/> would have; nothing is stored.</summary>
    public async Task<IReadOnlyList<Conflict>> ConflictsOfAsync(Session proposal, CancellationToken ct)
    {
        var venue = await db.RequireVenueAsync(proposal.VenueId, ct);
        var window = await checks.WindowOfAsync(proposal.BatchId, ct);
        var (conflicts, _) = await checks.CheckAsync(proposal, venue, window, ct);
        return conflicts;
    }

    /// <summary>Every venue, by city and name.</summary>
    public async Task<IReadOnlyList<Venue>> VenuesAsync(CancellationToken ct) =>
        await db.Venues.AsNoTracking().OrderBy(v => v.City).ThenBy(v => v.Name).ToListAsync(ct);

    /// <summary>Every host and speaker, by name.</summary>
    public async Task<IReadOnlyList<Speaker>> SpeakersAsync(CancellationToken ct) =>
        await db.Speakers.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
}
