using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Ksst.Scheduling.Groups;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Scheduling.Demo;

/// <summary>
/// Loads batch 3's venues, speakers, groups and timetable on first start. Its participants come
/// from Registration through the roster reconciliation, and the confirmed ones join the groups.
/// </summary>
internal sealed class TimetableDemoSeeder : IDatabaseSeeder<SchedulingDbContext>
{
    public async Task SeedAsync(SchedulingDbContext db, CancellationToken cancellationToken)
    {
        var venues = await db.Venues.Select(v => v.Id).ToListAsync(cancellationToken);
        db.Venues.AddRange(Batch3Venues.Venues.Where(v => !venues.Contains(v.Id)));
        var speakers = await db.Speakers.Select(s => s.Id).ToListAsync(cancellationToken);
        db.Speakers.AddRange(Batch3Venues.Speakers.Where(s => !speakers.Contains(s.Id)));
        if (!await db.Sessions.AnyAsync(s => s.BatchId == Batch3Timetable.BatchId, cancellationToken))
        {
            db.Groups.AddRange(Batch3Timetable.Groups.Select(g => new Group { BatchId = Batch3Timetable.BatchId, Name = g }));
            db.Sessions.AddRange(Batch3Timetable.Sessions());
        }
    }
}
