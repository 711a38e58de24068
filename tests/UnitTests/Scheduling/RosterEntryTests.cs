using Ksst.Scheduling.Roster;

namespace Ksst.UnitTests.Scheduling;

/// <summary>A roster entry only moves forward in time, whatever order the news arrives in.</summary>
public sealed class RosterEntryTests
{
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static RosterEntry Entry(string status, DateTimeOffset at, string? group = null) =>
        new() { NominationId = Guid.NewGuid(), BatchId = "ksst-sme-2018", Country = "NP", Status = status, StatusChangedAt = at, NominatedAt = T0, Group = group };

    [Fact]
    public void Older_news_changes_nothing()
    {
        var entry = Entry(RosterStatus.Confirmed, T0.AddDays(2), "A");
        Assert.False(entry.Apply(RosterStatus.Accepted, T0.AddDays(1)));
        Assert.Equal((RosterStatus.Confirmed, "A"), (entry.Status, entry.Group));
    }

    [Fact]
    public void At_the_same_instant_the_later_step_wins_in_either_order()
    {
        // Admitted on arrival: Nominated and Accepted carry the same time.
        var nominatedFirst = Entry(RosterStatus.Nominated, T0);
        Assert.True(nominatedFirst.Apply(RosterStatus.Accepted, T0));
        var acceptedFirst = Entry(RosterStatus.Accepted, T0);
        Assert.False(acceptedFirst.Apply(RosterStatus.Nominated, T0));
        Assert.Equal(RosterStatus.Accepted, nominatedFirst.Status);
        Assert.Equal(RosterStatus.Accepted, acceptedFirst.Status);
    }

    [Theory]
    [InlineData(RosterStatus.Withdrawn)]
    [InlineData(RosterStatus.Rejected)]
    public void A_participant_who_is_no_longer_confirmed_leaves_their_group(string status)
    {
        var entry = Entry(RosterStatus.Confirmed, T0, "B");
        Assert.True(entry.Apply(status, T0.AddHours(1)));
        Assert.Null(entry.Group);
    }

    [Fact]
    public void Attending_keeps_the_group()
    {
        var entry = Entry(RosterStatus.Confirmed, T0, "B");
        entry.Apply(RosterStatus.Attended, T0.AddDays(30));
        Assert.Equal("B", entry.Group);
    }
}
