using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

public sealed class TimetableIndexTests
{
    private static readonly DateTimeOffset Day = new(2018, 7, 19, 0, 0, 0, TimeSpan.FromHours(7));
    private readonly TimetableIndex _timetable = new(TravelMatrix.WestJava());

    private static PlannedSession Session(string title, string city, double startHour, double endHour,
        string venue = "v", string[]? speakers = null, string[]? groups = null, string? from = null) =>
        new(Guid.NewGuid(), title, venue, city, Day.AddHours(startHour), Day.AddHours(endHour), speakers ?? [], groups ?? [], from);

    private PlannedSession Accept(PlannedSession session)
    {
        Assert.Empty(_timetable.Check(session));
        _timetable.Put(session);
        return session;
    }

    [Fact]
    public void Sessions_back_to_back_in_one_venue_do_not_conflict()
    {
        Accept(Session("Opening", "Jakarta", 9, 10, venue: "kemenperin"));
        Accept(Session("Policy class", "Jakarta", 10, 12, venue: "kemenperin"));
    }

    [Fact]
    public void A_venue_in_use_is_named_with_the_session_using_it()
    {
        var first = Accept(Session("Export class", "Jakarta", 9, 11, venue: "kemenperin", groups: ["A"]));
        var conflict = Assert.Single(_timetable.Check(Session("Policy class", "Jakarta", 10, 12, venue: "kemenperin", groups: ["B"])));
        Assert.Equal(ConflictKind.VenueOverlap, conflict.Kind);
        Assert.Equal(first.Id, conflict.With);
    }

    [Fact]
    public void A_speaker_cannot_be_in_two_places_at_once()
    {
        var first = Accept(Session("Export class", "Jakarta", 9, 11, venue: "a", speakers: ["lpei"], groups: ["A"]));
        var conflicts = _timetable.Check(Session("Trade class", "Jakarta", 10, 12, venue: "b", speakers: ["lpei"], groups: ["B"]));
        Assert.Equal([(ConflictKind.SpeakerOverlap, first.Id)], conflicts.Select(c => (c.Kind, c.With)));
    }

    [Fact]
    public void Groups_may_be_apart_but_the_whole_batch_is_everyone()
    {
        var textile = Accept(Session("Jumputan workshop", "Bandung", 9, 12, venue: "bbt", groups: ["A"]));
        Accept(Session("CNC machine", "Bandung", 9, 12, venue: "b4t", groups: ["B"]));

        var conflicts = _timetable.Check(Session("Plenary", "Bandung", 11, 13, venue: "hall"));
        Assert.Equal(2, conflicts.Count(c => c.Kind == ConflictKind.AudienceOverlap));
        Assert.Contains(conflicts, c => c.With == textile.Id);
    }

    [Fact]
    public void Jakarta_to_Bandung_needs_three_hours_between_sessions()
    {
        var jakarta = Accept(Session("Closing class", "Jakarta", 9, 12, venue: "kemenperin"));

        var tooSoon = Assert.Single(_timetable.Check(Session("Ceramics workshop", "Bandung", 14, 16, venue: "bbk")));
        Assert.Equal(ConflictKind.TravelTime, tooSoon.Kind);
        Assert.Equal(jakarta.Id, tooSoon.With);
        Assert.Contains("180 min", tooSoon.Detail);
        Assert.Empty(_timetable.Check(Session("Ceramics workshop", "Bandung", 15, 17, venue: "bbk")));
    }

    [Fact]
    public void A_travel_leg_carries_the_audience_between_cities()
    {
        Accept(Session("Closing class", "Jakarta", 9, 12, venue: "kemenperin"));
        Accept(Session("Bus to Bandung", "Bandung", 12, 15, venue: "bus", from: "Jakarta"));
        Accept(Session("Welcome dinner", "Bandung", 15, 17, venue: "hotel"));
    }

    [Fact]
    public void The_session_after_is_checked_too()
    {
        var later = Accept(Session("Batik Komar visit", "Bandung", 13, 15, venue: "komar"));
        var conflict = Assert.Single(_timetable.Check(Session("Export class", "Jakarta", 9, 11, venue: "kemenperin")));
        Assert.Equal((ConflictKind.TravelTime, later.Id), (conflict.Kind, conflict.With));
    }

    [Fact]
    public void A_city_pair_without_a_travel_time_is_reported()
    {
        Accept(Session("Class", "Jakarta", 9, 10, venue: "a"));
        var conflict = Assert.Single(_timetable.Check(Session("Visit", "Denpasar", 20, 21, venue: "b")));
        Assert.Contains("No travel time", conflict.Detail);
    }

    [Fact]
    public void Moving_a_session_is_checked_without_itself_and_a_check_changes_nothing()
    {
        var session = Accept(Session("Class", "Jakarta", 9, 11, venue: "a"));
        var moved = session with { Start = Day.AddHours(10), End = Day.AddHours(12) };

        Assert.Empty(_timetable.Check(moved));
        Assert.Same(session, Assert.Single(_timetable.Sessions));
    }

    [Fact]
    public void A_dry_run_returns_every_conflict()
    {
        Accept(Session("A", "Jakarta", 9, 10, venue: "v1", speakers: ["s"], groups: ["g1"]));
        Accept(Session("B", "Jakarta", 10, 11, venue: "v1", speakers: ["s"], groups: ["g1"]));
        var conflicts = _timetable.Check(Session("C", "Jakarta", 9.5, 10.5, venue: "v1", speakers: ["s"], groups: ["g1"]));
        Assert.Equal(6, conflicts.Count); // venue, speaker and audience, each with A and B
    }
}
