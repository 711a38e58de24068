using Ksst.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Delivery;

/// <summary>Reads the delivery log.</summary>
internal sealed class DeliveryQueries(NotificationsDbContext db)
{
    /// <summary>The most deliveries one listing returns.</summary>
    public const int MaxListed = 500;

    /// <summary>
    /// Deliveries about a nomination, a batch, in a status and to an address (each filter
    /// optional), newest first.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ListAsync(Guid? nominationId, string? batchId, DeliveryStatus? status, string? toAddress, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking();
        if (toAddress is not null)
        {
            query = query.Where(d => d.ToAddress == toAddress);
        }
        if (nominationId is { } nomination)
        {
            query = query.Where(d => d.NominationId == nomination);
        }
        if (batchId is { } batch)
        {
            query = query.Where(d => d.BatchId == batch);
        }
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        return await query.OrderByDescending(d => d.CreatedAt).Take(MaxListed).ToListAsync(ct);
    }

    /// <summary>The batch delivery <paramref name="id"/> is about; NOT_FOUND when there is none.</summary>
    public async Task<string> BatchOfAsync(Guid id, CancellationToken ct) =>
        await db.Deliveries.AsNoTracking().Where(d => d.Id == id).Select(d => d.BatchId).SingleOrDefaultAsync(ct)
            ?? throw Ksst.ServiceDefaults.Errors.RpcErrors.NotFound("delivery", id.ToString());
}
