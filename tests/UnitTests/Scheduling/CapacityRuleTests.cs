using Ksst.Scheduling.Sessions;

namespace Ksst.UnitTests.Scheduling;

/// <summary>An audience may not be larger than its venue holds or than the session takes.</summary>
public sealed class CapacityRuleTests
{
    private static readonly Venue Textile = new() { Id = "bbt-bandung", Name = "Balai Besar Tekstil", City = "Bandung", Capacity = 30 };

    [Theory]
    [InlineData(20, 0)]
    [InlineData(30, 0)]
    [InlineData(6, 6)]
    [InlineData(30, 40)]
    public void An_audience_within_both_limits_fits(int audience, int sessionCapacity) =>
        Assert.Null(CapacityRule.Check("Workshop", audience, Textile, sessionCapacity));

    [Fact]
    public void An_audience_larger_than_the_venue_names_the_venue()
    {
        var conflict = CapacityRule.Check("Opening", 31, Textile, 0);
        Assert.Equal((ConflictKind.OverCapacity, "venues/bbt-bandung"), (conflict!.Kind, conflict.Subject));
        Assert.Contains("Balai Besar Tekstil holds 30", conflict.Detail);
    }

    [Fact]
    public void An_audience_larger_than_the_session_takes_is_refused_even_when_the_venue_is_larger()
    {
        var conflict = CapacityRule.Check("Jumputan workshop", 7, Textile, 6);
        Assert.Contains("the session takes 6", conflict!.Detail);
    }
}
