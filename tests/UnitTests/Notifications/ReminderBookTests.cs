using Ksst.Contracts.Events;
using Ksst.Notifications.Data;
using Ksst.Notifications.Notices;
using Ksst.Notifications.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ksst.UnitTests.Notifications;

/// <summary>A session's reminder follows its events by the session's version, over a real SQLite file, whatever the events' clocks said.</summary>
public sealed class ReminderBookTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-reminders-{Guid.NewGuid():N}.db");
    private readonly Guid _session = Guid.NewGuid();
    private readonly Guid _participant = Guid.NewGuid();

    [Fact]
    public async Task A_later_version_moves_the_reminder_even_when_its_clock_says_earlier()
    {
        var clockSteppedBack = Monday.AddHours(-6);
        await ApplyAsync(Scheduled(at: Monday, start: Monday.AddDays(7), version: 1));
        await ApplyAsync(Rescheduled(at: clockSteppedBack, from: Monday.AddDays(7), to: Monday.AddDays(8), version: 2));

        var reminder = await ReadAsync();
        Assert.Equal((Monday.AddDays(8), 2L, ReminderStatus.Scheduled), (reminder.Start, reminder.SessionVersion, reminder.Status));
    }

    [Fact]
    public async Task An_overtaken_event_changes_nothing_even_when_its_clock_says_later()
    {
        await ApplyAsync(Scheduled(at: Monday, start: Monday.AddDays(7), version: 1));
        await ApplyAsync(Cancelled(at: Monday, version: 3));
        // Version 2 arrives last, stamped later by a clock that ran ahead.
        await ApplyAsync(Rescheduled(at: Monday.AddDays(1), from: Monday.AddDays(7), to: Monday.AddDays(9), version: 2));

        var reminder = await ReadAsync();
        Assert.Equal((Monday.AddDays(7), 3L, ReminderStatus.Cancelled), (reminder.Start, reminder.SessionVersion, reminder.Status));
    }

    [Fact]
    public async Task A_duplicate_keeps_the_reminder_as_it_is()
    {
        var moved = Rescheduled(at: Monday, from: Monday.AddDays(7), to: Monday.AddDays(8), version: 2);
        await ApplyAsync(Scheduled(at: Monday, start: Monday.AddDays(7), version: 1));
        await ApplyAsync(moved);
        var fireId = (await ReadAsync()).FireId;
        await ApplyAsync(moved with { EventId = Guid.NewGuid() });

        var reminder = await ReadAsync();
        Assert.Equal((Monday.AddDays(8), 2L, fireId), (reminder.Start, reminder.SessionVersion, reminder.FireId));
    }

    public void Dispose() => File.Delete(_file);

    private SessionScheduled Scheduled(DateTimeOffset at, DateTimeOffset start, long version) =>
        new(Guid.NewGuid(), at, "b3", _session, "Export class", start, start.AddHours(2), [_participant], version);

    private SessionRescheduled Rescheduled(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to, long version) =>
        new(Guid.NewGuid(), at, "b3", _session, "Export class", from, from.AddHours(2), to, to.AddHours(2), [_participant], version);

    private SessionCancelled Cancelled(DateTimeOffset at, long version) =>
        new(Guid.NewGuid(), at, "b3", _session, "Export class", Monday.AddDays(7), [_participant], version);

    /// <summary>Applies <paramref name="e"/> in a context of its own, as a consumer would.</summary>
    private async Task ApplyAsync(IIntegrationEvent e)
    {
        await using var db = NewContext();
        var book = new ReminderBook(db, Options.Create(new ReminderOptions()), Options.Create(new OrganisersOptions()), NullLogger<ReminderBook>.Instance);
        await book.ApplyAsync(e, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task<Reminder> ReadAsync()
    {
        await using var db = NewContext();
        return await db.Reminders.AsNoTracking().SingleAsync(r => r.SessionId == _session);
    }

    private NotificationsDbContext NewContext()
    {
        var db = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        db.Database.Migrate();
        return db;
    }
}
