using Ksst.Contracts.Events;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Reminders;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Inbox;
using Ksst.Platform.Sqlite;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Notices;

/// <summary>
/// Records what an event means, exactly once: one pending delivery per recipient, one webhook
/// delivery per matching subscription, and (for session events) the session's reminder, in the
/// same transaction as the event id's inbox row. A redelivered or duplicated event finds its id
/// and changes nothing. Sending happens afterwards, in the dispatchers.
/// </summary>
internal sealed class NoticeConsumer<TEvent>(
    NotificationsDbContext db,
    UnitOfWork<NotificationsDbContext> unitOfWork,
    DeliveryPlanner planner,
    IOptions<OrganisersOptions> organisers,
    ReminderBook reminders,
    WebhookFanout webhooks,
    WorkSignal<Delivery.Delivery> mail,
    WorkSignal<WebhookDelivery> hooks,
    NotificationMetrics metrics,
    TimeProvider clock) : IConsumer<TEvent> where TEvent : class, IIntegrationEvent
{
    private const string Consumer = "notifications.notices";

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        metrics.Consumed(typeof(TEvent).Name, clock.GetUtcNow() - message.OccurredAt);
        if (await db.AlreadyProcessedAsync(message.EventId, Consumer, ct))
        {
            return;
        }
        var times = new LocalTimes(TimeZoneInfo.FindSystemTimeZoneById(organisers.Value.TimeZone));
        var deliveries = await planner.DeliveriesAsync(NotificationPlans.For(message, times), message.EventId, ct);

        // Contacts are read (over the network) before the unit of work; only then is anything written.
        await unitOfWork.RunAsync(async after =>
        {
            if (await db.AlreadyProcessedAsync(message.EventId, Consumer, ct))
            {
                return;
            }
            db.Deliveries.AddRange(deliveries);
            var hooked = await webhooks.AddAsync(message, ct);
            await reminders.ApplyAsync(message, ct);
            db.MarkProcessed(message.EventId, Consumer, clock.GetUtcNow());
            // Wake only the dispatchers that were given work.
            if (deliveries.Count > 0)
            {
                after.Then(mail.Notify);
            }
            if (hooked > 0)
            {
                after.Then(hooks.Notify);
            }
        }, ct);
    }
}
