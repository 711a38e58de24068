using Ksst.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ksst.UnitTests.Notifications;

/// <summary>The delivery logs' retention on the real database: old finished entries go, in batches; nothing waiting or recent does.</summary>
public sealed class DeliveryLogRetentionTests
{
    private static readonly Dictionary<string, string?> SmallBatches = new() { ["Notifications:Retention:BatchSize"] = "2" };

    [Fact]
    public async Task Finished_entries_older_than_the_retention_are_removed_in_batches_and_the_rest_kept()
    {
        await using var database = new NotificationsDatabase(SmallBatches);
        var old = TimeSpan.FromDays(366);
        var subscription = database.Subscription();
        var removed = new[] { DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Dead, DeliveryStatus.Uncertain }
            .Select(s => database.Email(s, old)).ToList();
        // Waiting or being sent, however old; or finished within the year.
        var kept = new[] { DeliveryStatus.Pending, DeliveryStatus.Failed, DeliveryStatus.Sending }.Select(s => database.Email(s, old))
            .Concat(DeliveryLifecycle.Finished.Select(s => database.Email(s, TimeSpan.FromDays(364)))).ToList();
        var hooksRemoved = database.Webhook(subscription, DeliveryStatus.Sent, TimeSpan.FromDays(91));
        var hooksKept = new[] { database.Webhook(subscription, DeliveryStatus.Sent, TimeSpan.FromDays(89)), database.Webhook(subscription, DeliveryStatus.Failed, TimeSpan.FromDays(91)) };
        var (scope, db, _) = database.Open();
        await using (scope)
        {
            db.WebhookSubscriptions.Add(subscription);
            db.Deliveries.AddRange([.. removed, .. kept]);
            db.WebhookDeliveries.AddRange([hooksRemoved, .. hooksKept]);
            await db.SaveChangesAsync();
        }

        var pruned = await database.Services.GetRequiredService<DeliveryLogRetention>().PruneAsync(CancellationToken.None);

        Assert.Equal((removed.Count, 1), pruned);
        var (readScope, read, _) = database.Open();
        await using (readScope)
        {
            Assert.Equal(kept.Select(d => d.Id).Order(), (await read.Deliveries.Select(d => d.Id).ToListAsync()).Order());
            Assert.Equal(hooksKept.Select(d => d.Id).Order(), (await read.WebhookDeliveries.Select(d => d.Id).ToListAsync()).Order());
        }
        Assert.Equal((0, 0), await database.Services.GetRequiredService<DeliveryLogRetention>().PruneAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Zero_days_keeps_the_log_forever()
    {
        await using var database = new NotificationsDatabase(new Dictionary<string, string?> { ["Notifications:Retention:DeliveryLogDays"] = "0" });
        var (scope, db, _) = database.Open();
        await using (scope)
        {
            db.Deliveries.Add(database.Email(DeliveryStatus.Sent, TimeSpan.FromDays(3650)));
            await db.SaveChangesAsync();
        }
        Assert.Equal((0, 0), await database.Services.GetRequiredService<DeliveryLogRetention>().PruneAsync(CancellationToken.None));
    }
}
