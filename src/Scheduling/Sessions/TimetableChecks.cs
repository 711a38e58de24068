using System.Globalization;
using Ksst.Contracts.Registration.V1;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using ProgrammesClient = Ksst.Contracts.Registration.V1.Programmes.ProgrammesClient;

namespace Ksst.Scheduling.Sessions;

/// <summary>
/// Checks a proposed session against everything it must fit: the timetable (through the cached
/// index: venue, host and speaker overlaps with any batch's sessions, audience overlaps and travel
/// time within the batch), the batch's dates and the capacity of its venue and of the session
/// itself, given the batch's audience Scheduling knows. Unknown speakers, groups or batches are
/// NOT_FOUND. The batch's dates come from Registration over gRPC (<see cref="WindowOfAsync"/>):
/// read them before a unit of work, whose checks then touch only the database and the index.
/// </summary>
internal sealed class TimetableChecks(SchedulingDbContext db, TimetableCache cache, ProgrammesClient registration)
{
    /// <summary>Every conflict of <paramref name="session"/> held at <paramref name="venue"/> in its batch's <paramref name="window"/>, and the audience it was checked with.</summary>
    public async Task<(IReadOnlyList<Conflict> Conflicts, IReadOnlyList<Guid> Audience)> CheckAsync(
        Session session, Venue venue, BatchWindow window, CancellationToken ct)
    {
        await RequireReferencesAsync(session, ct);
        var planned = session.ToPlanned(venue.City);
        var conflicts = new List<Conflict>(await cache.CheckAsync(planned, LoadAsync, ct));
        if (window.Check(planned) is { } outside)
        {
            conflicts.Add(outside);
        }
        var audience = await AudienceOfAsync(session.BatchId, session.Groups, ct);
        if (CapacityRule.Check(session.Title, audience.Count, venue, session.Capacity) is { } crowded)
        {
            conflicts.Add(crowded);
        }
        return (conflicts, audience);
    }

    /// <summary>Throws FAILED_PRECONDITION with one violation per conflict; otherwise returns the session's audience.</summary>
    public async Task<IReadOnlyList<Guid>> EnsureFitsAsync(Session session, Venue venue, BatchWindow window, CancellationToken ct)
    {
        var (conflicts, audience) = await CheckAsync(session, venue, window, ct);
        if (conflicts.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(
                conflicts.Select(c => (c.ToApi().Kind, c.Subject, c.Detail)),
                $"'{session.Title}' does not fit the timetable: {conflicts.Count} conflict(s).");
        }
        return audience;
    }

    /// <summary>
    /// The participants (nominations) expected at a session for <paramref name="groups"/>: the
    /// groups' members, or everyone holding a seat when it is for the whole batch.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AudienceOfAsync(string batchId, IReadOnlyCollection<string> groups, CancellationToken ct) =>
        groups.Count > 0
            ? await db.Roster.AsNoTracking().Where(r => r.BatchId == batchId && r.Group != null && groups.Contains(r.Group)).Select(r => r.NominationId).ToListAsync(ct)
            : await db.Roster.AsNoTracking().Where(r => r.BatchId == batchId && RosterStatus.Participating.Contains(r.Status)).Select(r => r.NominationId).ToListAsync(ct);

    /// <summary>The batch's days, from Registration (a network call: never inside a unit of work).</summary>
    public async Task<BatchWindow> WindowOfAsync(string batchId, CancellationToken ct)
    {
        var batch = await registration.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, cancellationToken: ct);
        return new BatchWindow(
            batch.BatchId,
            DateOnly.ParseExact(batch.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(batch.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById(batch.TimeZone));
    }

    /// <summary>
    /// Records a changed session in the cached index, inside the unit of work that commits it (the
    /// next writer must check against it); <see cref="Forget"/> when that commit fails.
    /// </summary>
    public void Record(Session session, Venue venue)
    {
        if (session.Cancelled)
        {
            cache.Remove(session.Id);
        }
        else
        {
            cache.Put(session.ToPlanned(venue.City));
        }
    }

    /// <summary>Drops the cached index after a change it took did not commit.</summary>
    public void Forget() => cache.Forget();

    private async Task RequireReferencesAsync(Session session, CancellationToken ct)
    {
        var people = session.People;
        var known = await db.Speakers.AsNoTracking().Where(s => people.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (people.Except(known).FirstOrDefault() is { } unknownSpeaker)
        {
            throw RpcErrors.NotFound("speaker", unknownSpeaker);
        }
        var groups = await db.Groups.AsNoTracking().Where(g => g.BatchId == session.BatchId && session.Groups.Contains(g.Name)).Select(g => g.Name).ToListAsync(ct);
        if (session.Groups.Except(groups).FirstOrDefault() is { } unknownGroup)
        {
            throw RpcErrors.NotFound("group", $"batches/{session.BatchId}/groups/{unknownGroup}");
        }
    }

    /// <summary>The standing sessions of every batch.</summary>
    private async Task<IReadOnlyList<PlannedSession>> LoadAsync(CancellationToken ct)
    {
        var cities = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.City, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => !s.Cancelled).ToListAsync(ct);
        return sessions.Select(s => s.ToPlanned(cities.GetValueOrDefault(s.VenueId, ""))).ToList();
    }
}
