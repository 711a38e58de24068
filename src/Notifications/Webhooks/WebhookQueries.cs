using Ksst.Notifications.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Webhooks;

/// <summary>Reads webhook subscriptions and their delivery logs.</summary>
internal sealed class WebhookQueries(NotificationsDbContext db)
{
    /// <summary>The most deliveries one listing returns.</summary>
    public const int MaxListed = 500;

    /// <summary>Every subscription, or those to <paramref name="batchId"/>'s events, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(string? batchId, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().Where(s => batchId == null || s.BatchId == batchId).OrderBy(s => s.CreatedAt).ToListAsync(ct);

    /// <summary>
    /// Whose a subscription is: the batch it receives the events of (null: every batch's);
    /// NOT_FOUND for an unknown subscription.
    /// </summary>
    public async Task<string?> BatchOfSubscriptionAsync(Guid subscriptionId, CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => new { s.BatchId }).SingleOrDefaultAsync(ct)
            ?? throw RpcErrors.NotFound("webhook subscription", subscriptionId.ToString())).BatchId;

    /// <summary>The batch of a webhook delivery's subscription (null: every batch's); NOT_FOUND for an unknown delivery.</summary>
    public async Task<string?> BatchOfDeliveryAsync(Guid deliveryId, CancellationToken ct) =>
        (await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Join(db.WebhookSubscriptions, d => d.SubscriptionId, s => s.Id, (_, s) => new { s.BatchId }).SingleOrDefaultAsync(ct)
            ?? throw RpcErrors.NotFound("webhook delivery", deliveryId.ToString())).BatchId;

    /// <summary>One subscription's deliveries, newest first; NOT_FOUND for an unknown subscription.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid subscriptionId, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId, ct))
        {
            throw RpcErrors.NotFound("webhook subscription", subscriptionId.ToString());
        }
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.CreatedAt).Take(MaxListed).ToListAsync(ct);
    }
}
