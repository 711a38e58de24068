using Ksst.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Ksst.UnitTests.Notifications;

/// <summary>The dispatchers' recovery of claims left open by a crash, on the real database through its unit of work.</summary>
public sealed class OpenClaimsTests
{
    [Fact]
    public async Task Every_delivery_left_sending_becomes_uncertain_and_nothing_else_changes()
    {
        await using var database = new NotificationsDatabase();
        var subscription = database.Subscription();
        var left = database.Email(DeliveryStatus.Sending, TimeSpan.FromMinutes(3));
        var hookLeft = database.Webhook(subscription, DeliveryStatus.Sending, TimeSpan.FromMinutes(3));
        var others = Enum.GetValues<DeliveryStatus>().Where(s => s != DeliveryStatus.Sending).Select(s => database.Email(s)).ToList();
        var (scope, db, unitOfWork) = database.Open();
        await using (scope)
        {
            db.WebhookSubscriptions.Add(subscription);
            db.Deliveries.AddRange([left, .. others]);
            db.WebhookDeliveries.Add(hookLeft);
            await db.SaveChangesAsync();

            var settled = await OpenClaims.SettleAsync(db.Deliveries, unitOfWork, CancellationToken.None);
            var hooksSettled = await OpenClaims.SettleAsync(db.WebhookDeliveries, unitOfWork, CancellationToken.None);
            Assert.Equal([left.Id], settled.Select(d => d.Id));
            Assert.Equal([hookLeft.Id], hooksSettled.Select(d => d.Id));
        }

        var (readScope, read, _) = database.Open();
        await using (readScope)
        {
            var email = await read.Deliveries.AsNoTracking().SingleAsync(d => d.Id == left.Id);
            Assert.Equal((DeliveryStatus.Uncertain, 1, left.ClaimedAt), (email.Status, email.Attempts, email.LastAttemptAt));
            Assert.Contains("may have arrived", email.LastError);
            Assert.Equal(DeliveryStatus.Uncertain, (await read.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == hookLeft.Id)).Status);
            var untouched = await read.Deliveries.AsNoTracking().Where(d => d.Id != left.Id).ToDictionaryAsync(d => d.Id, d => d.Status);
            Assert.All(others, d => Assert.Equal(d.Status, untouched[d.Id]));
        }
    }

    [Fact]
    public async Task With_no_claim_open_nothing_is_written()
    {
        await using var database = new NotificationsDatabase();
        var (scope, db, unitOfWork) = database.Open();
        await using (scope)
        {
            db.Deliveries.Add(database.Email(DeliveryStatus.Pending));
            await db.SaveChangesAsync();
            Assert.Empty(await OpenClaims.SettleAsync(db.Deliveries, unitOfWork, CancellationToken.None));
            Assert.Equal(DeliveryStatus.Pending, (await db.Deliveries.AsNoTracking().SingleAsync()).Status);
        }
    }
}
