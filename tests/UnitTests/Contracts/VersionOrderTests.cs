using CsCheck;
using Ksst.Contracts.Events;

namespace Ksst.UnitTests.Contracts;

/// <summary>An aggregate's events apply by version: a later version wins, whatever order they arrive in and whatever their clocks said.</summary>
public sealed class VersionOrderTests
{
    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(7, 3, true)]
    [InlineData(3, 3, false)] // a duplicate
    [InlineData(2, 3, false)] // overtaken
    [InlineData(1, 0, true)]  // the first versioned news of an entry recorded before versions
    public void Only_a_version_above_the_last_applied_is_news(long incoming, long applied, bool news) =>
        Assert.Equal(news, VersionOrder.IsNews(incoming, applied));

    [Fact]
    public void An_event_from_before_versions_counts_only_until_something_versioned_was_applied()
    {
        Assert.True(VersionOrder.IsNews(0, 0));
        Assert.False(VersionOrder.IsNews(0, 1));
    }

    [Fact]
    public void Any_arrival_order_with_duplicates_ends_at_the_highest_version()
    {
        // Versions 1..n, each delivered one to three times, in any order: the last applied is n,
        // and each version is applied at most once, in increasing order.
        Gen.Int[1, 12].SelectMany(n => Gen.Int[1, 3].Array[n].Select(copies => (n, copies)))
            .SelectMany(x => Gen.Shuffle(Enumerable.Range(1, x.n).SelectMany(v => Enumerable.Repeat((long)v, x.copies[v - 1])).ToArray()).Select(order => (x.n, order)))
            .Sample(x =>
            {
                var applied = 0L;
                var taken = new List<long>();
                foreach (var version in x.order)
                {
                    if (VersionOrder.IsNews(version, applied))
                    {
                        applied = version;
                        taken.Add(version);
                    }
                }
                return applied == x.n && taken.SequenceEqual(taken.Distinct().Order());
            });
    }
}
