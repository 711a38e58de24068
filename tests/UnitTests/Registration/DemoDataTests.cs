using Ksst.Registration.Demo;
using Ksst.Registration.Nominations;

namespace Ksst.UnitTests.Registration;

public sealed class DemoDataTests
{
    private static readonly Ksst.Registration.Batches.Batch Batch3 = KsstProgrammeHistory.Batches().Single(b => b.Id == KsstProgrammeHistory.Batch3);

    [Fact]
    public void Batch_3_has_twenty_nominations_from_the_ten_countries_named()
    {
        var nominations = Batch3Nominations.All().ToList();
        Assert.Equal(20, nominations.Count);
        Assert.Equal(["AF", "BD", "BT", "ID", "IN", "LA", "LK", "MM", "NP", "PK"], nominations.Select(n => n.NominatingCountry).Distinct().Order());
        Assert.True(nominations.Select(n => n.Status).Distinct().Count() >= 5, "mixed states");
    }

    [Fact]
    public void The_demo_respects_capacity_quotas_and_uniqueness()
    {
        var nominations = Batch3Nominations.All().ToList();
        var admission = new Admission(Batch3.Capacity, Batch3.CountryQuota, nominations.Select(n => (n.Status, n.NominatingCountry)));
        Assert.True(admission.SeatsTaken <= Batch3.Capacity);
        Assert.All(nominations.Where(n => NominationLifecycle.HoldsSeat(n.Status)).GroupBy(n => n.NominatingCountry),
            g => Assert.True(g.Count() <= Batch3.CountryQuota, g.Key));
        // Every waitlisted nomination waits for a reason: its country is at quota.
        Assert.All(nominations.Where(n => n.Status == NominationStatus.Waitlisted), n => Assert.False(admission.HasRoomFor(n.NominatingCountry)));
        Assert.Equal(20, nominations.Select(n => n.PassportNumber).Distinct().Count());
        Assert.Equal(20, nominations.Select(n => n.Email).Distinct().Count());
    }

    [Fact]
    public void The_history_matches_the_press_release()
    {
        var batches = KsstProgrammeHistory.Batches();
        Assert.Equal([19, 22, 20], batches.Select(b => b.RecordedParticipants));
        Assert.Equal(["Bali", "Yogyakarta", "Jakarta, Bandung"], batches.Select(b => string.Join(", ", b.HostCities)));
        Assert.Equal(new DateOnly(2018, 7, 18), Batch3.StartDate);
        Assert.Equal(new DateOnly(2018, 7, 30), Batch3.EndDate);
    }
}
