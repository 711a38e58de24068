using Ksst.Scheduling.Roster;

namespace Ksst.Scheduling.Groups;

/// <summary>
/// Spreads participants over groups so that group sizes differ by at most one and each country's
/// participants are in as many different groups as possible.
/// </summary>
public static class GroupBalancer
{
    /// <summary>Most groups a batch can be split into ("A" to "Z").</summary>
    public const int MaxGroups = 26;

    /// <summary>"A", "B", … for <paramref name="count"/> groups.</summary>
    public static IReadOnlyList<string> Names(int count) =>
        Enumerable.Range(0, count).Select(i => ((char)('A' + i)).ToString()).ToList();

    /// <summary>
    /// Puts each of <paramref name="participants"/> into one of <paramref name="groups"/>: the
    /// largest delegation first, each country's participants dealt round the groups in turn.
    /// </summary>
    public static void Split(IReadOnlyCollection<RosterEntry> participants, IReadOnlyList<string> groups)
    {
        var dealt = participants
            .GroupBy(p => p.Country)
            .OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal)
            .SelectMany(c => c.OrderBy(p => p.NominatedAt).ThenBy(p => p.NominationId));
        var next = 0;
        foreach (var participant in dealt)
        {
            participant.Group = groups[next++ % groups.Count];
        }
    }

    /// <summary>
    /// The group for a newly confirmed participant: the one with fewest of their country, then
    /// the smallest, then the first by name.
    /// </summary>
    public static string Place(RosterEntry newcomer, IReadOnlyCollection<RosterEntry> members, IReadOnlyList<string> groups) =>
        groups
            .OrderBy(g => members.Count(m => m.Group == g && m.Country == newcomer.Country))
            .ThenBy(g => members.Count(m => m.Group == g))
            .ThenBy(g => g, StringComparer.Ordinal)
            .First();
}
