using Ksst.Scheduling.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Roster;

/// <summary>Reads a batch's roster.</summary>
internal sealed class RosterQueries(SchedulingDbContext db)
{
    /// <summary>The batch's participants in order of nomination.</summary>
    public async Task<IReadOnlyList<RosterEntry>> EntriesAsync(string batchId, CancellationToken ct) =>
        await db.Roster.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.NominatedAt).ToListAsync(ct);
}
