using Ksst.Contracts.Events;
using Ksst.Notifications.Data;
using Ksst.Notifications.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ksst.Notifications.Reminders;

/// <summary>
/// Keeps each session's reminder in step with Scheduling's events: scheduled creates it, a
/// reschedule moves it (and re-arms it when it had gone out for the old time), a cancellation
/// cancels it. Events apply in the order of the session's version, not of their time: one that
/// is not news (<see cref="VersionOrder"/>) changes nothing. Stages changes in the caller's transaction.
/// </summary>
internal sealed partial class ReminderBook(
    NotificationsDbContext db, IOptions<ReminderOptions> options, IOptions<OrganisersOptions> organisers, ILogger<ReminderBook> logger)
{
    public async Task ApplyAsync(IIntegrationEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case SessionScheduled s:
                await SetAsync(s.SessionId, s.Version, r => Arm(r, s.BatchId, s.Title, s.Start, s.End, s.AffectedNominationIds), ct);
                break;
            case SessionRescheduled s:
                await SetAsync(s.SessionId, s.Version, r => Arm(r, s.BatchId, s.Title, s.NewStart, s.NewEnd, s.AffectedNominationIds), ct);
                break;
            case SessionCancelled s:
                await SetAsync(s.SessionId, s.Version, r => r.Status = ReminderStatus.Cancelled, ct);
                break;
        }
    }

    private async Task SetAsync(Guid sessionId, long version, Action<Reminder> change, CancellationToken ct)
    {
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.SessionId == sessionId, ct);
        if (reminder is null)
        {
            reminder = new Reminder { SessionId = sessionId, BatchId = "", Title = "" };
            db.Reminders.Add(reminder);
        }
        else if (!VersionOrder.IsNews(version, reminder.SessionVersion))
        {
            LogNotNews(sessionId, version, reminder.SessionVersion);
            return;
        }
        reminder.SessionVersion = version;
        change(reminder);
    }

    private void Arm(Reminder reminder, string batchId, string title, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<Guid> audience)
    {
        var moved = reminder.Start != start;
        reminder.BatchId = batchId;
        reminder.Title = title;
        reminder.Start = start;
        reminder.End = end;
        reminder.Audience = [.. audience];
        reminder.DueAt = ReminderOptions.DueAt(start, TimeZoneInfo.FindSystemTimeZoneById(organisers.Value.TimeZone), options.Value.LocalHour);
        if (moved || reminder.Status == ReminderStatus.Cancelled || reminder.FireId == Guid.Empty)
        {
            reminder.Status = ReminderStatus.Scheduled;
            reminder.FireId = Guid.CreateVersion7();
        }
    }

    [LoggerMessage(LogLevel.Debug, "Session {SessionId} event of version {Version} ignored: the reminder already applied version {Applied}.")]
    private partial void LogNotNews(Guid sessionId, long version, long applied);
}
