using CsCheck;
using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>No timetable built through the checks ever holds an overlap or a too-short travel gap.</summary>
public sealed class TimetablePropertyTests
{
    private static readonly string[] Cities = ["Jakarta", "Bandung", "Cimahi"];
    private static readonly string[] Venues = ["hall", "lab", "bus"];
    private static readonly string[] Speakers = ["kemenperin", "kemensetneg", "disperindag", "lpei"];
    private static readonly string[] Groups = ["A", "B", "C"];
    private static readonly DateTimeOffset Start = new(2018, 7, 18, 0, 0, 0, TimeSpan.FromHours(7));

    private static readonly Gen<PlannedSession> Proposal =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 15], Gen.Int[0, 7], Gen.Int[0, 6 * 48], Gen.Int[1, 8], Gen.Int[-1, 2], (city, venue, speakers, groups, slot, halfHours, from) =>
            new PlannedSession(
                Guid.NewGuid(), $"s{slot}", Venues[venue], Cities[city],
                Start.AddMinutes(30 * slot), Start.AddMinutes(30 * (slot + halfHours)),
                Speakers.Where((_, i) => (speakers & (1 << i)) != 0).ToArray(),
                Groups.Where((_, i) => (groups & (1 << i)) != 0).ToArray(),
                from < 0 ? null : Cities[from]));

    [Fact]
    public void Accepted_timetables_never_overlap_or_rush_travel()
    {
        var travel = TravelMatrix.WestJava();
        Proposal.Array[1, 120].Sample(proposals =>
        {
            var timetable = new TimetableIndex(travel);
            foreach (var proposal in proposals.Where(p => timetable.Check(p).Count == 0))
            {
                timetable.Put(proposal);
            }
            AssertSound(timetable.Sessions.ToList(), travel);
        }, iter: 300);
    }

    private static void AssertSound(List<PlannedSession> sessions, TravelMatrix travel)
    {
        static bool Overlap(PlannedSession a, PlannedSession b) => a.Start < b.End && b.Start < a.End;

        foreach (var a in sessions)
        {
            foreach (var b in sessions.Where(b => b.Id != a.Id && Overlap(a, b)))
            {
                Assert.NotEqual(a.VenueId, b.VenueId);
                Assert.Empty(a.SpeakerIds.Intersect(b.SpeakerIds));
                Assert.False(a.IsWholeBatch || b.IsWholeBatch || a.Groups.Intersect(b.Groups).Any(), $"{a.Title} and {b.Title} share an audience");
            }
        }
        foreach (var group in Groups)
        {
            var day = sessions.Where(s => s.IsWholeBatch || s.Groups.Contains(group)).OrderBy(s => s.Start).ToList();
            foreach (var (previous, next) in day.Zip(day.Skip(1)))
            {
                var needed = travel.Between(previous.City, next.StartCity);
                Assert.NotNull(needed);
                Assert.True(next.Start - previous.End >= needed, $"group {group}: {previous.City} → {next.StartCity} in {(next.Start - previous.End).TotalMinutes} min");
            }
        }
    }
}
