using System.Diagnostics;
using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Notices;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Reminders;

/// <summary>
/// Fires reminders when they fall due: one delivery per audience member, created with the
/// reminder marked sent in one transaction. A reminder whose session has already started is
/// skipped; cancelled ones never fire. Each firing starts a trace of its own, which its emails join.
/// </summary>
internal sealed class ReminderDispatcher(
    IServiceScopeFactory scopes, WorkSignal<Reminder> signal, WorkSignal<Delivery.Delivery> mail,
    IOptions<OrganisersOptions> organisers, TimeProvider clock, ILogger<ReminderDispatcher> logger)
    : DueWorkLoop<Reminder>(signal, clock, logger)
{
    private static readonly ActivitySource Source = new("Ksst.Notifications.Reminders");

    protected override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>();
        var planner = scope.ServiceProvider.GetRequiredService<DeliveryPlanner>();
        var times = new LocalTimes(TimeZoneInfo.FindSystemTimeZoneById(organisers.Value.TimeZone));
        var now = Clock.GetUtcNow();
        var due = await db.Reminders.AsNoTracking().Where(r => r.Status == ReminderStatus.Scheduled && r.DueAt <= now).ToListAsync(ct);
        foreach (var reminder in due)
        {
            // A trace of its own (days after the session was scheduled): its emails are sent in it.
            using var firing = Source.StartActivity("reminder fire", ActivityKind.Internal, parentContext: default);
            firing?.SetTag("ksst.session.id", reminder.SessionId);
            firing?.SetTag("ksst.batch.id", reminder.BatchId);
            var deliveries = reminder.Start > now
                ? await planner.DeliveriesAsync(NotificationPlans.Reminder(reminder.BatchId, reminder.Title, reminder.Start, reminder.End, reminder.Audience, times), reminder.FireId, ct)
                : [];
            await unitOfWork.RunAsync(async after =>
            {
                var current = await db.Reminders.SingleAsync(r => r.SessionId == reminder.SessionId, ct);
                if (current.FireId != reminder.FireId || current.Status != ReminderStatus.Scheduled)
                {
                    return; // Moved or cancelled meanwhile; the next round sees the new version.
                }
                current.Status = reminder.Start > now ? ReminderStatus.Sent : ReminderStatus.Skipped;
                current.SentAt = current.Status == ReminderStatus.Sent ? now : null;
                db.Deliveries.AddRange(deliveries);
                if (deliveries.Count > 0)
                {
                    after.Then(mail.Notify);
                }
            }, ct);
        }
        return await db.Reminders.Where(r => r.Status == ReminderStatus.Scheduled).OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(ct);
    }
}
