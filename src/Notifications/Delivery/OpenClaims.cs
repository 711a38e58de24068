using Ksst.Notifications.Data;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Delivery;

/// <summary>
/// Claims whose outcome was never recorded. A dispatcher settles them at the start of each of its
/// rounds, when none of its own sends is under way (one process sends from the database), so every
/// delivery still Sending then was handed over by a process that stopped before recording it, or
/// whose record failed: each becomes Uncertain, is listed as such, and is never sent again by itself.
/// </summary>
internal static class OpenClaims
{
    /// <summary>Makes every open claim in <paramref name="rows"/> Uncertain; returns those settled.</summary>
    public static async Task<IReadOnlyList<T>> SettleAsync<T>(DbSet<T> rows, UnitOfWork<NotificationsDbContext> unitOfWork, CancellationToken ct)
        where T : class, IDeliveryState
    {
        // Almost always none: a read, without the write lock.
        if (!await rows.AsNoTracking().WhereStatusIn(DeliveryStatus.Sending).AnyAsync(ct))
        {
            return [];
        }
        return await unitOfWork.RunAsync(async _ =>
        {
            var open = await rows.WhereStatusIn(DeliveryStatus.Sending).ToListAsync(ct);
            open.ForEach(DeliveryLifecycle.Orphaned);
            return (IReadOnlyList<T>)open;
        }, ct);
    }
}
