namespace Ksst.Scheduling.Sessions;

/// <summary>
/// One batch's sessions by audience (each group, and the whole batch), checking that no part of
/// the audience is in two sessions at once and that it has the time it needs to travel between
/// consecutive sessions in different cities. Audiences are per batch: batches have different
/// participants.
/// </summary>
internal sealed class AudienceIndex(TravelMatrix travel)
{
    private readonly TimelineMap _groups = new();
    private readonly Timeline _wholeBatch = new();

    /// <summary>Adds a session.</summary>
    public void Add(PlannedSession session)
    {
        foreach (var timeline in TimelinesOf(session, create: true))
        {
            timeline.Add(session);
        }
    }

    /// <summary>Removes a session added before.</summary>
    public void Remove(PlannedSession session)
    {
        foreach (var timeline in TimelinesOf(session, create: false))
        {
            timeline.Remove(session);
        }
    }

    /// <summary>The audience overlaps and too-short travel gaps of <paramref name="proposal"/>.</summary>
    public IEnumerable<Conflict> Conflicts(PlannedSession proposal)
    {
        var overlaps = AudienceTimelines(proposal).SelectMany(timeline => timeline.Overlapping(proposal.Start, proposal.End)
            .Select(other => Conflict.Overlap(ConflictKind.AudienceOverlap, proposal, other, "part of the audience")));
        return overlaps.Concat(TravelConflicts(proposal));
    }

    private IEnumerable<Conflict> TravelConflicts(PlannedSession proposal)
    {
        // Each group's last whereabouts before, and first after, may differ: check per group.
        var views = proposal.IsWholeBatch
            ? _groups.All.Select(g => new[] { g, _wholeBatch }).Append([_wholeBatch])
            : proposal.Groups.Select(g => new[] { _groups.Find(g), _wholeBatch }.OfType<Timeline>().ToArray());
        foreach (var timelines in views)
        {
            var previous = timelines.Select(t => t.Before(proposal.Start)).OfType<PlannedSession>().MaxBy(s => s.End);
            if (previous is not null && previous.End <= proposal.Start
                && Leg(previous, previous.End, previous.City, proposal.Start, proposal.StartCity, proposal) is { } before)
            {
                yield return before;
            }
            var next = timelines.Select(t => t.After(proposal.End)).OfType<PlannedSession>().MinBy(s => s.Start);
            if (next is not null && Leg(next, proposal.End, proposal.City, next.Start, next.StartCity, proposal) is { } after)
            {
                yield return after;
            }
        }
    }

    private Conflict? Leg(PlannedSession other, DateTimeOffset leave, string from, DateTimeOffset arrive, string to, PlannedSession proposal)
    {
        var needed = travel.Between(from, to);
        if (needed is null)
        {
            return new Conflict(ConflictKind.TravelTime, other.Id, $"No travel time is known between {from} and {to} ('{other.Title}').");
        }
        return arrive - leave < needed
            ? new Conflict(ConflictKind.TravelTime, other.Id,
                $"'{proposal.Title}' and '{other.Title}' leave {(arrive - leave).TotalMinutes:0} min to travel between {from} and {to}; {needed.Value.TotalMinutes:0} min are needed.")
            : null;
    }

    private IEnumerable<Timeline> AudienceTimelines(PlannedSession session) =>
        session.IsWholeBatch
            ? _groups.All.Append(_wholeBatch)
            : session.Groups.Select(_groups.Find).OfType<Timeline>().Append(_wholeBatch);

    private IEnumerable<Timeline> TimelinesOf(PlannedSession session, bool create) =>
        session.IsWholeBatch ? [_wholeBatch]
        : session.Groups.Select(g => create ? _groups.For(g) : _groups.Find(g)).OfType<Timeline>();
}
