namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The sessions of one venue, speaker or audience, ordered by start. Accepted sessions on one
/// timeline never overlap, so a neighbour lookup is O(log n) and an overlap query O(log n + k):
/// no all-pairs comparison.
/// </summary>
internal sealed class Timeline
{
    private static readonly Guid Last = new("ffffffff-ffff-ffff-ffff-ffffffffffff");
    private readonly SortedSet<PlannedSession> _sessions = new(Comparer<PlannedSession>.Create((a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : a.Id.CompareTo(b.Id);
    }));

    public void Add(PlannedSession session) => _sessions.Add(session);

    public void Remove(PlannedSession session) => _sessions.Remove(session);

    /// <summary>Sessions sharing time with [start, end).</summary>
    public IEnumerable<PlannedSession> Overlapping(DateTimeOffset start, DateTimeOffset end)
    {
        if (Before(start) is { } previous && previous.End > start)
        {
            yield return previous;
        }
        if (end <= start || _sessions.Count == 0)
        {
            yield break;
        }
        foreach (var session in _sessions.GetViewBetween(Probe(start, Guid.Empty), Probe(end.AddTicks(-1), Last)))
        {
            yield return session;
        }
    }

    /// <summary>The last session starting before <paramref name="time"/>.</summary>
    public PlannedSession? Before(DateTimeOffset time) =>
        _sessions.Count == 0 || _sessions.Min!.Start >= time ? null
        : _sessions.GetViewBetween(_sessions.Min, Probe(time.AddTicks(-1), Last)).Max;

    /// <summary>The first session starting at or after <paramref name="time"/>.</summary>
    public PlannedSession? After(DateTimeOffset time) =>
        _sessions.Count == 0 || _sessions.Max!.Start < time ? null
        : _sessions.GetViewBetween(Probe(time, Guid.Empty), _sessions.Max).Min;

    private static PlannedSession Probe(DateTimeOffset start, Guid id) => new(id, "", "", "", start, start, [], []);
}
