using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>
/// Venues, hosts and speakers are shared by all batches, so the index checks them across batches
/// and names the other batch's session; audiences and travel stay within a batch.
/// </summary>
public sealed class SharedResourceTests
{
    private static readonly DateTimeOffset Day = new(2027, 3, 2, 0, 0, 0, TimeSpan.FromHours(7));
    private readonly TimetableIndex _timetable = new(TravelMatrix.WestJava());

    private static PlannedSession Session(string batch, string title, double startHour, double endHour,
        string venue, string city = "Jakarta", string[]? people = null, string[]? groups = null) =>
        new(Guid.NewGuid(), title, venue, city, Day.AddHours(startHour), Day.AddHours(endHour), people ?? [], groups ?? [], BatchId: batch);

    private PlannedSession Accept(PlannedSession session)
    {
        Assert.Empty(_timetable.Check(session));
        _timetable.Put(session);
        return session;
    }

    [Fact]
    public void A_venue_in_use_by_another_batch_is_a_conflict_naming_its_batch_and_session()
    {
        var inX = Accept(Session("ksst-sme-2027", "Export class", 9, 11, venue: "kemenperin"));

        var conflict = Assert.Single(_timetable.Check(Session("ksst-ikm-2027", "Policy class", 10, 12, venue: "kemenperin")));

        Assert.Equal((ConflictKind.VenueOverlap, inX.Id, $"sessions/{inX.Id}"), (conflict.Kind, conflict.With, conflict.Subject));
        Assert.Contains("'Export class' of batch ksst-sme-2027", conflict.Detail);
    }

    [Fact]
    public void A_host_of_another_batchs_session_cannot_lead_one_at_the_same_time()
    {
        // The host is one of the session's people, as Session.ToPlanned makes it.
        var opening = new Session
        {
            Id = Guid.NewGuid(), BatchId = "ksst-sme-2027", Title = "Opening", VenueId = "kemenperin", HostId = "ditjen-ikm",
            Start = Day.AddHours(9), End = Day.AddHours(10),
        };
        var inX = Accept(opening.ToPlanned("Jakarta"));

        var conflict = Assert.Single(_timetable.Check(Session("ksst-ikm-2027", "Welcome", 9.5, 10.5, venue: "hotel", people: ["ditjen-ikm"])));

        Assert.Equal((ConflictKind.SpeakerOverlap, inX.Id), (conflict.Kind, conflict.With));
        Assert.Contains("of batch ksst-sme-2027", conflict.Detail);
        Assert.Contains("speaker ditjen-ikm", conflict.Detail);
    }

    [Fact]
    public void A_speaker_of_another_batchs_session_cannot_speak_at_the_same_time()
    {
        var inX = Accept(Session("x", "Export class", 9, 11, venue: "a", people: ["kemenperin", "lpei"]));
        var inZ = Accept(Session("z", "Trade class", 11, 13, venue: "b", people: ["lpei"]));

        var conflicts = _timetable.Check(Session("y", "Finance class", 10, 12, venue: "c", people: ["lpei"]));

        Assert.Equal(
            new[] { (ConflictKind.SpeakerOverlap, inX.Id), (ConflictKind.SpeakerOverlap, inZ.Id) }.Order(),
            conflicts.Select(c => (c.Kind, c.With)).Order());
    }

    [Fact]
    public void Another_batchs_session_before_or_after_or_cancelled_is_no_conflict()
    {
        Accept(Session("x", "Export class", 9, 11, venue: "kemenperin", people: ["lpei"]));
        Accept(Session("x", "Trade class", 13, 15, venue: "kemenperin", people: ["lpei"]));
        var cancelled = Accept(Session("x", "Finance class", 11, 13, venue: "hall", people: ["lpei"]));
        _timetable.Remove(cancelled.Id);

        Accept(Session("y", "Policy class", 11, 13, venue: "kemenperin", people: ["lpei"]));
    }

    [Fact]
    public void Audiences_and_their_travel_are_per_batch()
    {
        Accept(Session("x", "Plenary", 9, 12, venue: "bbt-hall", city: "Bandung"));
        Accept(Session("x", "Textile workshop", 12, 14, venue: "bbt", city: "Bandung", groups: ["A"]));

        // Batch y's whole batch, then its group A, in Jakarta at the same times: neither meets batch x's
        // audience, nor has to travel from Bandung.
        Accept(Session("y", "Plenary", 9, 12, venue: "auditorium"));
        Accept(Session("y", "Export class", 12, 14, venue: "kemenperin", groups: ["A"]));

        // Within batch y the audience still counts.
        Assert.Contains(_timetable.Check(Session("y", "Extra class", 10, 11, venue: "lab")), c => c.Kind == ConflictKind.AudienceOverlap);
    }

    [Fact]
    public void A_session_moved_is_checked_without_itself_but_against_the_other_batches()
    {
        var inY = Accept(Session("y", "Policy class", 9, 11, venue: "kemenperin", people: ["lpei"]));
        var inX = Accept(Session("x", "Export class", 12, 14, venue: "kemenperin"));

        Assert.Empty(_timetable.Check(inY with { Start = Day.AddHours(10), End = Day.AddHours(12) }));
        var conflict = Assert.Single(_timetable.Check(inY with { Start = Day.AddHours(11), End = Day.AddHours(13) }));
        Assert.Equal((ConflictKind.VenueOverlap, inX.Id), (conflict.Kind, conflict.With));
        Assert.Same(inY, _timetable.Sessions.Single(s => s.Id == inY.Id));
    }
}
