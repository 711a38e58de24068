using Ksst.Scheduling.Demo;
using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Batch 3's demo timetable passes every check the service applies.</summary>
public sealed class DemoTimetableTests
{
    private static readonly BatchWindow Batch3 = new(Batch3Timetable.BatchId, new DateOnly(2018, 7, 18), new DateOnly(2018, 7, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    [Fact]
    public void Every_session_fits_the_timetable_the_batch_and_its_venue()
    {
        var venues = Batch3Venues.Venues.ToDictionary(v => v.Id);
        var speakers = Batch3Venues.Speakers.Select(s => s.Id).ToHashSet();
        var timetable = new TimetableIndex(TravelMatrix.WestJava());
        foreach (var session in Batch3Timetable.Sessions())
        {
            var venue = venues[session.VenueId];
            var planned = session.ToPlanned(venue.City);
            // A full batch of 20, or a quarter of it per group.
            var audience = session.Groups.Count == 0 ? 20 : 5;
            var conflicts = timetable.Check(planned).Append(Batch3.Check(planned)).Append(CapacityRule.Check(session.Title, audience, venue, session.Capacity)).OfType<Conflict>();
            Assert.Empty(conflicts.Select(c => $"{session.Title}: {c.Detail}"));
            Assert.All(session.People, p => Assert.Contains(p, speakers));
            timetable.Put(planned);
        }
    }

    [Fact]
    public void It_holds_what_the_domain_notes_describe()
    {
        var sessions = Batch3Timetable.Sessions();
        var venues = sessions.Select(s => s.VenueId).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "bbt-bandung", "bblm-bandung", "bbpk-bandung", "b4t-bandung", "bbk-bandung", "batik-komar", "matoa-indonesia",
                "bandrek-hanjuang", "elina-keramik", "pt-dirgantara-indonesia", "bandung-techno-park", "museum-kaa", "saung-angklung-udjo" },
            venues);
        var jakartaSpeakers = sessions.Where(s => s.VenueId == "kemenperin-jakarta").SelectMany(s => s.Speakers).ToHashSet();
        Assert.Superset(new HashSet<string> { "ditjen-ikm", "kemensetneg-ksst", "disperindag-jabar", "lpei" }, jakartaSpeakers);
        // Every group visits each of the five centres once.
        foreach (var group in Batch3Timetable.Groups)
        {
            Assert.Equal(5, sessions.Where(s => s.Groups.Contains(group)).Select(s => s.VenueId).Distinct().Count());
        }
        Assert.Equal(2, sessions.Count(s => s.FromCity is not null));
    }
}
