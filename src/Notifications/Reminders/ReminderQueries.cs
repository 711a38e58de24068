using Ksst.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Reminders;

/// <summary>Reads session reminders.</summary>
internal sealed class ReminderQueries(NotificationsDbContext db)
{
    /// <summary>The most reminders one listing returns.</summary>
    public const int MaxListed = 1000;

    /// <summary>Reminders of a session and of a batch (each filter optional), by when they fall due.</summary>
    public async Task<IReadOnlyList<Reminder>> ListAsync(Guid? sessionId, string? batchId, CancellationToken ct)
    {
        var query = db.Reminders.AsNoTracking();
        if (sessionId is { } session)
        {
            query = query.Where(r => r.SessionId == session);
        }
        if (batchId is { } batch)
        {
            query = query.Where(r => r.BatchId == batch);
        }
        return await query.OrderBy(r => r.DueAt).Take(MaxListed).ToListAsync(ct);
    }
}
