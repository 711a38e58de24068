using Ksst.Scheduling.Roster;

namespace Ksst.UnitTests.Scheduling;

/// <summary>A roster entry only moves to a later version of its nomination, whatever order the news arrives in and whatever its clocks said.</summary>
public sealed class RosterEntryTests
{
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static RosterEntry Entry(string status, long version, string? group = null) =>
        new() { NominationId = Guid.NewGuid(), BatchId = "ksst-sme-2018", Country = "NP", Status = status, Version = version, StatusChangedAt = T0, NominatedAt = T0, Group = group };

    [Fact]
    public void A_later_version_wins_even_when_its_clock_says_earlier()
    {
        // Registration's clock stepped back a day between the two changes.
        var entry = Entry(RosterStatus.Confirmed, 3, "A");
        Assert.True(entry.Apply(RosterStatus.Withdrawn, 4, T0.AddDays(-1)));
        Assert.Equal((RosterStatus.Withdrawn, 4L, T0.AddDays(-1), (string?)null), (entry.Status, entry.Version, entry.StatusChangedAt, entry.Group));
    }

    [Fact]
    public void An_overtaken_version_changes_nothing_even_when_its_clock_says_later()
    {
        var entry = Entry(RosterStatus.Confirmed, 3, "A");
        Assert.False(entry.Apply(RosterStatus.Accepted, 2, T0.AddDays(5)));
        Assert.Equal((RosterStatus.Confirmed, 3L, T0, "A"), (entry.Status, entry.Version, entry.StatusChangedAt, entry.Group));
    }

    [Fact]
    public void A_duplicate_changes_nothing()
    {
        var entry = Entry(RosterStatus.Confirmed, 3, "A");
        Assert.False(entry.Apply(RosterStatus.Confirmed, 3, T0.AddHours(1)));
        Assert.Equal((RosterStatus.Confirmed, T0, "A"), (entry.Status, entry.StatusChangedAt, entry.Group));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 3, 1, 2 })]
    [InlineData(new[] { 2, 3, 3, 1, 2 })]
    public void Admitted_on_arrival_then_confirmed_ends_confirmed_in_any_arrival_order(int[] arrival)
    {
        // All three changes carry the same instant, as an admission on arrival and a quick confirmation can.
        string[] statuses = [RosterStatus.Nominated, RosterStatus.Accepted, RosterStatus.Confirmed];
        var entry = Entry(statuses[arrival[0] - 1], arrival[0]);
        foreach (var version in arrival.Skip(1))
        {
            entry.Apply(statuses[version - 1], version, T0);
        }
        Assert.Equal((RosterStatus.Confirmed, 3L), (entry.Status, entry.Version));
    }

    [Theory]
    [InlineData(RosterStatus.Withdrawn)]
    [InlineData(RosterStatus.Rejected)]
    public void A_participant_who_is_no_longer_confirmed_leaves_their_group(string status)
    {
        var entry = Entry(RosterStatus.Confirmed, 3, "B");
        Assert.True(entry.Apply(status, 4, T0.AddHours(1)));
        Assert.Null(entry.Group);
    }

    [Fact]
    public void Attending_keeps_the_group()
    {
        var entry = Entry(RosterStatus.Confirmed, 3, "B");
        entry.Apply(RosterStatus.Attended, 4, T0.AddDays(30));
        Assert.Equal("B", entry.Group);
    }
}
