using Grpc.Core;
using Ksst.Contracts.Scheduling.V1;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;
using Ksst.Scheduling.Sessions;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Api = Ksst.Contracts.Scheduling.V1;
using Group = Ksst.Scheduling.Groups.Group;
using RosterEntry = Ksst.Scheduling.Roster.RosterEntry;
using Session = Ksst.Scheduling.Sessions.Session;

namespace Ksst.Scheduling;

/// <summary>The Scheduling gRPC service; this part: groups for rotations.</summary>
internal sealed partial class SchedulingApi
{
    public override async Task<ListGroupsResponse> SplitIntoGroups(SplitIntoGroupsRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.")
            .AddIf(request.GroupCount is < 1 or > GroupBalancer.MaxGroups, "group_count", $"Between 1 and {GroupBalancer.MaxGroups}.")
            .ThrowIfAny();
        var ct = context.CancellationToken;
        await checks.WindowOfAsync(request.BatchId, ct); // NOT_FOUND for a batch Registration does not know.
        var names = GroupBalancer.Names(request.GroupCount);
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sessions = await GroupSessionsAsync(request.BatchId, ct);
            var existing = await db.Groups.Where(g => g.BatchId == request.BatchId).ToListAsync(ct);
            var dropped = existing.Where(g => !names.Contains(g.Name)).ToList();
            var stillUsed = sessions.Where(s => s.Groups.Any(g => dropped.Any(d => d.Name == g))).ToList();
            if (stillUsed.Count > 0)
            {
                throw RpcErrors.FailedPrecondition(
                    stillUsed.Select(s => ("GROUP_IN_USE", $"sessions/{s.Id}", $"'{s.Title}' is for group(s) {string.Join(", ", s.Groups)}; move or cancel it first.")),
                    $"{stillUsed.Count} session(s) use groups beyond {request.GroupCount}.");
            }
            db.Groups.RemoveRange(dropped);
            db.Groups.AddRange(names.Where(n => existing.All(g => g.Name != n)).Select(n => new Group { BatchId = request.BatchId, Name = n }));

            var roster = await db.Roster.Where(r => r.BatchId == request.BatchId).ToListAsync(ct);
            roster.ForEach(r => r.Group = null);
            GroupBalancer.Split(roster.Where(r => RosterStatus.IsConfirmed(r.Status)).ToList(), names);
            await EnsureGroupSessionsFitAsync(sessions, roster, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await views.InvalidateAsync(request.BatchId, ct);
        return await GroupsOfAsync(request.BatchId, ct);
    }

    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        RequireBatchId(request.BatchId);
        return await GroupsOfAsync(request.BatchId, context.CancellationToken);
    }

    public override async Task<ListGroupsResponse> AssignToGroup(AssignToGroupRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.");
        var nominationId = RequestFields.RequireId(request.NominationId, "nomination_id", violations);
        var ct = context.CancellationToken;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var roster = await db.Roster.Where(r => r.BatchId == request.BatchId).ToListAsync(ct);
            var entry = roster.SingleOrDefault(r => r.NominationId == nominationId)
                ?? throw RpcErrors.NotFound("roster entry", $"batches/{request.BatchId}/roster/{nominationId}");
            if (!RosterStatus.IsConfirmed(entry.Status))
            {
                throw RpcErrors.FailedPrecondition("NOT_CONFIRMED", $"nominations/{nominationId}",
                    $"The participant is {entry.Status}; only confirmed participants are put in groups.");
            }
            var group = request.Group.Trim();
            if (group.Length > 0 && !await db.Groups.AnyAsync(g => g.BatchId == request.BatchId && g.Name == group, ct))
            {
                throw RpcErrors.NotFound("group", $"batches/{request.BatchId}/groups/{group}");
            }
            entry.Group = group.Length > 0 ? group : null;
            await EnsureGroupSessionsFitAsync(await GroupSessionsAsync(request.BatchId, ct), roster, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await views.InvalidateAsync(request.BatchId, ct);
        return await GroupsOfAsync(request.BatchId, ct);
    }

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

    private async Task<ListGroupsResponse> GroupsOfAsync(string batchId, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.BatchId == batchId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);
        var members = await db.Roster.AsNoTracking().Where(r => r.BatchId == batchId && r.Group != null).OrderBy(r => r.NominatedAt).ToListAsync(ct);
        return new ListGroupsResponse
        {
            Groups =
            {
                groups.Select(name =>
                {
                    var inGroup = members.Where(m => m.Group == name).ToList();
                    return new Api.Group
                    {
                        BatchId = batchId,
                        Name = name,
                        NominationIds = { inGroup.Select(m => m.NominationId.ToString()) },
                        Countries = { inGroup.GroupBy(m => m.Country).ToDictionary(c => c.Key, c => c.Count()) },
                    };
                }),
            },
        };
    }
}
