using Ksst.Notifications.Data;
using Ksst.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Webhooks;

/// <summary>Reads webhook subscriptions and their delivery logs.</summary>
internal sealed class WebhookQueries(NotificationsDbContext db)
{
    /// <summary>The most deliveries one listing returns.</summary>
    public const int MaxListed = 500;

    /// <summary>Every subscription, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);

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
