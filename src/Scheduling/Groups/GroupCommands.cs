using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Groups;

/// <summary>
/// Every change to a batch's groups: splitting its confirmed participants into groups and moving
/// one participant. Each runs in one unit of work that refuses a membership making a group
/// session too large; the batch's cached views are dropped after the commit.
/// </summary>
internal sealed class GroupCommands(
    SchedulingDbContext db, UnitOfWork<SchedulingDbContext> unitOfWork, TimetableChecks checks, TimetableViews views)
{
    /// <summary>
    /// Gives the batch <paramref name="groupCount"/> groups and shares its confirmed participants
    /// among them afresh; FAILED_PRECONDITION when a session still uses a dropped group.
    /// </summary>
    public async Task SplitAsync(string batchId, int groupCount, CancellationToken ct)
    {
        await checks.WindowOfAsync(batchId, ct); // NOT_FOUND for a batch Registration does not know.
        var names = GroupBalancer.Names(groupCount);
        await unitOfWork.RunAsync(async after =>
        {
            var sessions = await GroupSessionsAsync(batchId, ct);
            var existing = await db.Groups.Where(g => g.BatchId == batchId).ToListAsync(ct);
            var dropped = existing.Where(g => !names.Contains(g.Name)).ToList();
            var stillUsed = sessions.Where(s => s.Groups.Any(g => dropped.Any(d => d.Name == g))).ToList();
            if (stillUsed.Count > 0)
            {
                throw RpcErrors.FailedPrecondition(
                    stillUsed.Select(s => ("GROUP_IN_USE", $"sessions/{s.Id}", $"'{s.Title}' is for group(s) {string.Join(", ", s.Groups)}; move or cancel it first.")),
                    $"{stillUsed.Count} session(s) use groups beyond {groupCount}.");
            }
            db.Groups.RemoveRange(dropped);
            db.Groups.AddRange(names.Where(n => existing.All(g => g.Name != n)).Select(n => new Group { BatchId = batchId, Name = n }));

            var roster = await db.Roster.Where(r => r.BatchId == batchId).ToListAsync(ct);
            roster.ForEach(r => r.Group = null);
            GroupBalancer.Split(roster.Where(r => RosterStatus.IsConfirmed(r.Status)).ToList(), names);
            await EnsureGroupSessionsFitAsync(sessions, roster, ct);
            after.Then(() => views.InvalidateAsync(batchId, CancellationToken.None));
        }, ct);
    }

    /// <summary>
    /// Puts a confirmed participant in <paramref name="group"/> (empty: in none); NOT_FOUND for an
    /// unknown participant or group, FAILED_PRECONDITION for one not confirmed.
    /// </summary>
    public Task AssignAsync(string batchId, Guid nominationId, string group, CancellationToken ct) =>
        unitOfWork.RunAsync(async after =>
        {
            var roster = await db.Roster.Where(r => r.BatchId == batchId).ToListAsync(ct);
            var entry = roster.SingleOrDefault(r => r.NominationId == nominationId)
                ?? throw RpcErrors.NotFound("roster entry", $"batches/{batchId}/roster/{nominationId}");
            if (!RosterStatus.IsConfirmed(entry.Status))
            {
                throw RpcErrors.FailedPrecondition("NOT_CONFIRMED", $"nominations/{nominationId}",
                    $"The participant is {entry.Status}; only confirmed participants are put in groups.");
            }
            if (group.Length > 0 && !await db.Groups.AnyAsync(g => g.BatchId == batchId && g.Name == group, ct))
            {
                throw RpcErrors.NotFound("group", $"batches/{batchId}/groups/{group}");
            }
            entry.Group = group.Length > 0 ? group : null;
            await EnsureGroupSessionsFitAsync(await GroupSessionsAsync(batchId, ct), roster, ct);
            after.Then(() => views.InvalidateItineraryAsync(batchId, nominationId, CancellationToken.None));
        }, ct);

    private async Task<List<Session>> GroupSessionsAsync(string batchId, CancellationToken ct) =>
        (await db.Sessions.AsNoTracking().Where(s => s.BatchId == batchId && !s.Cancelled).ToListAsync(ct)).Where(s => s.Groups.Count > 0).ToList();

    /// <summary>FAILED_PRECONDITION naming every group session whose audience the new membership makes too large.</summary>
    private async Task EnsureGroupSessionsFitAsync(List<Session> sessions, List<RosterEntry> roster, CancellationToken ct)
    {
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, ct);
        var crowded = sessions
            .Select(s => (Session: s, Conflict: CapacityRule.Check(s.Title, roster.Count(r => r.Group is not null && s.Groups.Contains(r.Group)), venues[s.VenueId], s.Capacity)))
            .Where(x => x.Conflict is not null)
            .ToList();
        if (crowded.Count > 0)
        {
            throw RpcErrors.FailedPrecondition(
                crowded.Select(x => ("OVER_CAPACITY", $"sessions/{x.Session.Id}", x.Conflict!.Detail)),
                $"The groups would be too large for {crowded.Count} session(s).");
        }
    }
}
