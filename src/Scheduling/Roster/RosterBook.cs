using Ksst.Scheduling.Data;
using Ksst.Scheduling.Groups;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Roster;

/// <summary>
/// Records news of nominations on the roster: a new participant is added, a status only ever
/// moves to a later version of the nomination (<see cref="RosterEntry.Apply"/>), a newly
/// confirmed participant joins a group when the batch has groups, and one who is no longer
/// confirmed leaves theirs. Stages changes; the caller saves them.
/// </summary>
internal sealed class RosterBook(SchedulingDbContext db)
{
    /// <summary>Stages <paramref name="news"/>; true when the roster changed.</summary>
    public async Task<bool> RecordAsync(RosterNews news, CancellationToken ct)
    {
        var entry = db.Roster.Local.SingleOrDefault(r => r.NominationId == news.NominationId)
            ?? await db.Roster.SingleOrDefaultAsync(r => r.NominationId == news.NominationId, ct);
        if (entry is null)
        {
            entry = new RosterEntry
            {
                NominationId = news.NominationId, BatchId = news.BatchId, Country = news.Country,
                Status = news.Status, StatusChangedAt = news.ChangedAt, NominatedAt = news.NominatedAt, Version = news.Version,
            };
            db.Roster.Add(entry);
        }
        else if (!entry.Apply(news.Status, news.Version, news.ChangedAt))
        {
            return false;
        }
        if (RosterStatus.IsConfirmed(entry.Status) && entry.Group is null)
        {
            await PlaceInGroupAsync(entry, ct);
        }
        return true;
    }

    private async Task PlaceInGroupAsync(RosterEntry entry, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.BatchId == entry.BatchId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);
        if (groups.Count == 0)
        {
            return;
        }
        var members = await db.Roster.Where(r => r.BatchId == entry.BatchId && r.Group != null).ToListAsync(ct);
        var staged = db.Roster.Local.Where(r => r.BatchId == entry.BatchId && r.Group != null && r.NominationId != entry.NominationId);
        entry.Group = GroupBalancer.Place(entry, members.UnionBy(staged, m => m.NominationId).Where(m => m.NominationId != entry.NominationId).ToList(), groups);
    }
}
