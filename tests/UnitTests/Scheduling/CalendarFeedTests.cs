using Ical.Net;
using Ical.Net.CalendarComponents;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Sessions;
using Api = Ksst.Contracts.Scheduling.V1;

namespace Ksst.UnitTests.Scheduling;

/// <summary>
/// The iCalendar output parses back with the right local and UTC times, in any year and any
/// zone, and its VTIMEZONE gives every event the offset its zone has at that time.
/// </summary>
public sealed class CalendarFeedTests
{
    private static readonly Venue Textile = new() { Id = "bbt-bandung", Name = "Balai Besar Tekstil", City = "Bandung", Address = "Jl. Jend. Ahmad Yani No. 390", Capacity = 30, TimeZone = "Asia/Jakarta" };
    private static readonly Speaker Instructors = new() { Id = "bbt-instructors", Name = "Textile workshop instructors", Institution = "Balai Besar Tekstil" };

    /// <summary>
    /// Zones without transitions for decades (Jakarta, Kolkata, UTC), with DST (London, New York,
    /// Lord Howe's half hour, Chatham's 45 minutes) and one whose rules changed (São Paulo ended
    /// DST in 2019).
    /// </summary>
    public static TheoryData<string> Zones =>
    [
        "Asia/Jakarta", "Asia/Kolkata", "Etc/UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo",
    ];

    [Fact]
    public void Sessions_parse_back_at_their_local_times_in_their_zone()
    {
        var session = new Session
        {
            Id = Guid.NewGuid(), BatchId = "ksst-sme-2018", Title = "Jumputan tie-dye workshop", VenueId = Textile.Id, HostId = Instructors.Id,
            // 01:30 UTC is 08:30 WIB.
            Start = new DateTimeOffset(2018, 7, 23, 1, 30, 0, TimeSpan.Zero), End = new DateTimeOffset(2018, 7, 23, 4, 30, 0, TimeSpan.Zero),
            Groups = ["A"],
        };
        var item = AgendaItems.ToItem(session, Textile, new Dictionary<string, Speaker> { [Instructors.Id] = Instructors });
        Assert.Equal("2018-07-23T08:30:00+07:00", item.LocalStart);

        var text = CalendarFeed.Write("KSST batch 3", [item], DateTimeOffset.UtcNow);
        Assert.Contains("DTSTART;TZID=Asia/Jakarta:20180723T083000", text);

        var calendar = Calendar.Load(text)!;
        var parsed = Assert.Single(calendar.Events);
        Assert.Equal("Jumputan tie-dye workshop", parsed.Summary);
        Assert.Equal("Asia/Jakarta", parsed.DtStart!.TzId);
        Assert.Equal(new DateTime(2018, 7, 23, 8, 30, 0), parsed.DtStart.Value);
        Assert.Equal(new DateTime(2018, 7, 23, 11, 30, 0), parsed.DtEnd!.Value);
        Assert.Equal(new DateTime(2018, 7, 23, 1, 30, 0, DateTimeKind.Utc), parsed.DtStart.AsUtc);
        Assert.Contains("Balai Besar Tekstil", parsed.Location);
        Assert.Contains("Host: Textile workshop instructors", parsed.Description);
        Assert.Equal("Asia/Jakarta", Assert.Single(calendar.TimeZones).TzId);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Every_year_parses_back_with_a_time_zone_that_defines_its_offsets(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var venue = new Venue { Id = "hall", Name = "Hall", City = "City", Capacity = 30, TimeZone = zoneId };
        foreach (var year in Enumerable.Range(2016, 30))
        {
            // A winter and a summer session, at 10:00 local time.
            var starts = new[] { 1, 7 }.Select(month => At(zone, new DateTime(year, month, 15, 10, 0, 0))).ToList();
            var items = starts.Select(start => Item(venue, $"Class {year}-{start.Month}", start)).ToList();

            var text = CalendarFeed.Write($"KSST {year}", items, DateTimeOffset.UtcNow);

            var calendar = Calendar.Load(text)!;
            var timeZone = Assert.Single(calendar.TimeZones);
            Assert.Equal(zoneId, timeZone.TzId);
            foreach (var start in starts)
            {
                var local = TimeZoneInfo.ConvertTime(start, zone);
                var parsed = Assert.Single(calendar.Events, e => e.Summary == $"Class {year}-{start.Month}");
                Assert.Contains($"DTSTART;TZID={zoneId}:{local:yyyyMMdd'T'HHmmss}", text);
                Assert.Equal(zoneId, parsed.DtStart!.TzId);
                Assert.Equal(local.DateTime, parsed.DtStart.Value);
                Assert.Equal(start.UtcDateTime, parsed.DtStart.AsUtc);
                Assert.Equal(start.UtcDateTime.AddHours(2), parsed.DtEnd!.AsUtc);
                Assert.True(local.Offset == OffsetDefinedBy(timeZone, local.DateTime), $"{zoneId} {local:O}: the VTIMEZONE gives {OffsetDefinedBy(timeZone, local.DateTime)}");
            }
        }
    }

    [Fact]
    public void A_calendar_over_several_zones_and_years_has_one_time_zone_each_covering_all_its_sessions()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var hall = new Venue { Id = "hall", Name = "Hall", City = "Jakarta", Capacity = 30, TimeZone = "Asia/Jakarta" };
        var embassy = new Venue { Id = "embassy", Name = "Embassy", City = "London", Capacity = 30, TimeZone = "Europe/London" };
        var items = new[]
        {
            Item(hall, "Opening", At(jakarta, new DateTime(2030, 7, 1, 9, 0, 0))),
            Item(embassy, "Briefing", At(london, new DateTime(2030, 3, 20, 9, 0, 0))),
            Item(embassy, "Debrief", At(london, new DateTime(2031, 11, 20, 9, 0, 0))),
            Item(embassy, "Reception", At(london, new DateTime(2031, 6, 20, 18, 0, 0))),
        };

        var calendar = Calendar.Load(CalendarFeed.Write("KSST", items, DateTimeOffset.UtcNow))!;

        Assert.Equal(["Asia/Jakarta", "Europe/London"], calendar.TimeZones.Select(z => z.TzId).Order());
        foreach (var parsed in calendar.Events)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(parsed.DtStart!.TzId!);
            var timeZone = calendar.TimeZones.Single(z => z.TzId == parsed.DtStart.TzId);
            Assert.Equal(zone.GetUtcOffset(parsed.DtStart.AsUtc), OffsetDefinedBy(timeZone, parsed.DtStart.Value));
        }
    }

    private static DateTimeOffset At(TimeZoneInfo zone, DateTime local) => new(local, zone.GetUtcOffset(local));

    private static Api.AgendaItem Item(Venue venue, string title, DateTimeOffset start) => AgendaItems.ToItem(
        new Session { Id = Guid.NewGuid(), BatchId = "b", Title = title, VenueId = venue.Id, Start = start.ToUniversalTime(), End = start.ToUniversalTime().AddHours(2) },
        venue, new Dictionary<string, Speaker>());

    /// <summary>
    /// The offset <paramref name="timeZone"/> itself gives local time <paramref name="local"/>,
    /// as a client without its own zone data reads it: TZOFFSETTO of the latest onset
    /// (DTSTART, RDATE or RRULE) at or before that time.
    /// </summary>
    private static TimeSpan? OffsetDefinedBy(VTimeZone timeZone, DateTime local) =>
        timeZone.TimeZoneInfos
            .SelectMany(observance => observance.GetOccurrences()
                .TakeWhile(o => o.Period.StartTime.Value <= local)
                .Select(o => (Onset: o.Period.StartTime.Value, observance.OffsetTo!.Offset)))
            .OrderByDescending(o => o.Onset)
            .Select(o => (TimeSpan?)o.Offset)
            .FirstOrDefault();
}
