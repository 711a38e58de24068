using Ksst.Contracts.Scheduling.V1;

namespace Ksst.IntegrationTests.Scheduling;

/// <summary>
/// Batch 3 as loaded on first start: its participants reach Scheduling by reconciliation with
/// Registration (no event ever announced them), the confirmed ones fill the rotation groups,
/// and each has an itinerary.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DemoBatchTests(StackFixture stack)
{
    private readonly SchedulingFixtures _fixtures = new(stack);

    [Fact]
    public async Task Batch_3s_roster_is_reconciled_from_Registration_and_its_confirmed_participants_fill_the_groups()
    {
        const string batch = "ksst-sme-2018";
        var roster = await Eventually.Get(async ct =>
        {
            var r = await _fixtures.Scheduling.ListRosterAsync(new ListRosterRequest { BatchId = batch }, cancellationToken: ct);
            return r.Entries.Count == 20 ? r : null;
        }, StackFixture.Timeout, "batch 3's 20 nominations on Scheduling's roster");
        var confirmed = roster.Entries.Where(e => e.Status == "Confirmed").ToList();
        Assert.Equal(15, confirmed.Count);
        Assert.All(confirmed, e => Assert.NotEqual("", e.Group));
        Assert.All(roster.Entries.Where(e => e.Status != "Confirmed"), e => Assert.Equal("", e.Group));

        var groups = await _fixtures.Scheduling.ListGroupsAsync(new ListGroupsRequest { BatchId = batch }, deadline: SchedulingFixtures.Deadline);
        Assert.Equal(["A", "B", "C", "D"], groups.Groups.Select(g => g.Name));
        Assert.True(groups.Groups.Max(g => g.NominationIds.Count) - groups.Groups.Min(g => g.NominationIds.Count) <= 1);

        // A reconciliation now finds nothing left to do.
        var again = await _fixtures.Scheduling.ReconcileRosterAsync(new ReconcileRosterRequest { BatchId = batch }, deadline: SchedulingFixtures.Deadline);
        Assert.Equal((0, 0, 20), (again.Added, again.Updated, again.Total));

        var member = confirmed[0];
        var itinerary = await _fixtures.Scheduling.GetItineraryAsync(new GetItineraryRequest { BatchId = batch, NominationId = member.NominationId }, deadline: SchedulingFixtures.Deadline);
        var items = itinerary.Days.SelectMany(d => d.Items).ToList();
        Assert.Equal("2018-07-18", itinerary.Days[0].Date);
        Assert.Equal("2018-07-30", itinerary.Days[^1].Date);
        Assert.Equal(5, items.Count(i => i.Session.Groups.Contains(member.Group)));
        Assert.DoesNotContain(items, i => i.Session.Groups.Count > 0 && !i.Session.Groups.Contains(member.Group));
        Assert.Contains(items, i => i.Venue.Name == "Saung Angklung Udjo" && i.LocalStart == "2018-07-21T15:00:00+07:00");
    }
}
