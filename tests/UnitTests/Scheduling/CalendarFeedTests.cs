using Ical.Net;
using Ksst.Scheduling.Agenda;
using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>The iCalendar output parses back with the right local times in Asia/Jakarta.</summary>
public sealed class CalendarFeedTests
{
    private static readonly Venue Textile = new() { Id = "bbt-bandung", Name = "Balai Besar Tekstil", City = "Bandung", Address = "Jl. Jend. Ahmad Yani No. 390", Capacity = 30, TimeZone = "Asia/Jakarta" };
    private static readonly Speaker Instructors = new() { Id = "bbt-instructors", Name = "Textile workshop instructors", Institution = "Balai Besar Tekstil" };

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
}
