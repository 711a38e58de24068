using CsCheck;
using Ksst.Scheduling.Groups;
using Ksst.Scheduling.Roster;

namespace Ksst.UnitTests.Scheduling;

/// <summary>Groups come out even in size and spread each country over the groups.</summary>
public sealed class GroupBalancerTests
{
    private static readonly string[] Countries = ["ID", "AF", "BD", "BT", "IN", "LA", "MM", "NP", "PK", "LK"];
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static RosterEntry Confirmed(string country, int order) => new()
    {
        NominationId = Guid.NewGuid(), BatchId = "ksst-sme-2018", Country = country, Status = RosterStatus.Confirmed,
        NominatedAt = T0.AddMinutes(order), StatusChangedAt = T0,
    };

    [Fact]
    public void Any_split_has_sizes_and_each_countrys_share_within_one_of_each_other()
    {
        Gen.Select(Gen.Int[0, Countries.Length - 1].Array[0, 40], Gen.Int[1, 8]).Sample((countries, groupCount) =>
        {
            var participants = countries.Select((c, i) => Confirmed(Countries[c], i)).ToList();
            var names = GroupBalancer.Names(groupCount);
            GroupBalancer.Split(participants, names);

            Assert.All(participants, p => Assert.Contains(p.Group, names));
            var sizes = names.Select(n => participants.Count(p => p.Group == n)).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"sizes {string.Join(",", sizes)}");
            foreach (var country in participants.GroupBy(p => p.Country))
            {
                var shares = names.Select(n => country.Count(p => p.Group == n)).ToList();
                Assert.True(shares.Max() - shares.Min() <= 1, $"{country.Key}: {string.Join(",", shares)}");
            }
        }, iter: 500);
    }

    [Fact]
    public void A_newcomer_joins_the_group_with_fewest_of_their_country_then_the_smallest()
    {
        var members = new List<RosterEntry> { Confirmed("NP", 1), Confirmed("IN", 2), Confirmed("LK", 3) };
        members[0].Group = "A";
        members[1].Group = "B";
        members[2].Group = "B";

        Assert.Equal("B", GroupBalancer.Place(Confirmed("NP", 4), members, ["A", "B"]));
        Assert.Equal("A", GroupBalancer.Place(Confirmed("PK", 4), members, ["A", "B"]));
    }

    [Fact]
    public void Groups_are_named_by_letter()
    {
        Assert.Equal(["A", "B", "C", "D"], GroupBalancer.Names(4));
        Assert.Equal("Z", GroupBalancer.Names(GroupBalancer.MaxGroups)[^1]);
    }
}
