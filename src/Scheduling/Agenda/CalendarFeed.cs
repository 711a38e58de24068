using System.Globalization;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.Scheduling.Agenda;

/// <summary>
/// Writes agenda items as an iCalendar (RFC 5545) file: each session an event in its venue's
/// time zone (DTSTART;TZID=Asia/Jakarta:…), with the VTIMEZONE it needs for the span of its
/// sessions (<see cref="CalendarTimeZone"/>).
/// </summary>
internal static class CalendarFeed
{
    /// <summary>The calendar named <paramref name="name"/> holding <paramref name="items"/>, stamped <paramref name="now"/>.</summary>
    public static string Write(string name, IReadOnlyCollection<Api.AgendaItem> items, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//KSST//Scheduling v1//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in items.GroupBy(i => i.TimeZone))
        {
            calendar.AddTimeZone(CalendarTimeZone.For(zone.Key, zone.Min(i => i.Session.Start.ToDateTimeOffset()), zone.Max(i => i.Session.End.ToDateTimeOffset())));
        }
        foreach (var item in items)
        {
            calendar.Events.Add(ToEvent(item, now));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent ToEvent(Api.AgendaItem item, DateTimeOffset now)
    {
        var session = item.Session;
        var people = item.Speakers.Select(s => $"{s.Name} ({s.Institution})").ToList();
        var description = string.Join("\n", new[]
        {
            session.Description,
            item.Host is null ? "" : $"Host: {item.Host.Name}",
            people.Count == 0 ? "" : $"Speakers: {string.Join("; ", people)}",
            session.Groups.Count == 0 ? "" : $"Groups: {string.Join(", ", session.Groups)}",
        }.Where(line => line.Length > 0));
        return new CalendarEvent
        {
            Uid = $"{session.SessionId}@scheduling.ksst",
            Summary = session.Title,
            Description = description,
            Location = string.Join(", ", new[] { item.Venue.Name, item.Venue.Address, item.Venue.City }.Where(p => p.Length > 0)),
            DtStart = Local(item.LocalStart, item.TimeZone),
            DtEnd = Local(item.LocalEnd, item.TimeZone),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC", true),
        };
    }

    private static CalDateTime Local(string localWithOffset, string timeZone) =>
        new(DateTimeOffset.Parse(localWithOffset, CultureInfo.InvariantCulture).DateTime, timeZone, true);
}
