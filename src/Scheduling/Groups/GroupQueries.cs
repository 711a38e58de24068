using Ksst.Scheduling.Data;
using Ksst.Scheduling.Roster;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Groups;

/// <summary>A group of a batch and its members, in order of nomination.</summary>
/// <param name="Name">The group's name, e.g. "A".</param>
/// <param name="Members">Its participants.</param>
internal sealed record GroupMembers(string Name, IReadOnlyList<RosterEntry> Members);

/// <summary>Reads a batch's groups.</summary>
internal sealed class GroupQueries(SchedulingDbContext db)
{
    /// <summary>The batch's groups by name, each with its members.</summary>
    public async Task<IReadOnlyList<GroupMembers>> GroupsAsync(string batchId, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.BatchId == batchId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);
        var members = await db.Roster.AsNoTracking().Where(r => r.BatchId == batchId && r.Group != null).OrderBy(r => r.NominatedAt).ToListAsync(ct);
        return groups.Select(name => new GroupMembers(name, members.Where(m => m.Group == name).ToList())).ToList();
    }
}
