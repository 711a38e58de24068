using System.Diagnostics;
using System.Text.Json;
using Ksst.Contracts.Events;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Platform.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Notifications.Webhooks;

/// <summary>
/// Stages one webhook delivery per active subscription that wants an event (its type, and its
/// batch for a subscription to one batch), in the caller's
/// transaction, each to be POSTed in the trace of the current activity (the event's consumer).
/// </summary>
internal sealed class WebhookFanout(NotificationsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stages the deliveries of <paramref name="e"/>; returns how many.</summary>
    public async Task<int> AddAsync(IIntegrationEvent e, CancellationToken ct)
    {
        var exchange = IntegrationEvents.ExchangeOf(e.GetType());
        var subscriptions = (await db.WebhookSubscriptions.Where(s => s.Active).ToListAsync(ct)).Where(s => s.Wants(exchange, e.BatchId)).ToList();
        if (subscriptions.Count == 0)
        {
            return 0;
        }
        var body = JsonSerializer.Serialize(new { id = e.EventId, type = exchange, occurredAt = e.OccurredAt, data = (object)e }, Json);
        var now = clock.GetUtcNow();
        db.WebhookDeliveries.AddRange(subscriptions.Select(s => new WebhookDelivery
        {
            Id = Guid.CreateVersion7(now), SubscriptionId = s.Id, EventId = e.EventId, EventType = exchange, Body = body, CreatedAt = now, NextAttemptAt = now,
        }.TracedBy(Activity.Current)));
        return subscriptions.Count;
    }
}
