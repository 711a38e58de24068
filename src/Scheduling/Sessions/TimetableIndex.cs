namespace Ksst.Scheduling.Sessions;

/// <summary>
/// A batch's timetable indexed by venue, speaker and audience, checking a proposed session
/// against it: venue, speaker and audience overlaps, and the travel time the audience needs
/// between consecutive sessions in different cities. Every conflict is reported, each naming
/// the session it clashes with.
/// </summary>
public sealed class TimetableIndex(TravelMatrix travel)
{
    private readonly Dictionary<Guid, PlannedSession> _sessions = new();
    private readonly Dictionary<string, Timeline> _venues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Timeline> _speakers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Timeline> _groups = new(StringComparer.Ordinal);
    private readonly Timeline _wholeBatch = new();

    /// <summary>The sessions in the timetable.</summary>
    public IReadOnlyCollection<PlannedSession> Sessions => _sessions.Values;

    /// <summary>Adds (or replaces) a session without checking it.</summary>
    public void Put(PlannedSession session)
    {
        Remove(session.Id);
        _sessions[session.Id] = session;
        foreach (var timeline in TimelinesOf(session, create: true))
        {
            timeline.Add(session);
        }
    }

    /// <summary>Removes a session, if present.</summary>
    public void Remove(Guid id)
    {
        if (_sessions.Remove(id, out var old))
        {
            foreach (var timeline in TimelinesOf(old, create: false))
            {
                timeline.Remove(old);
            }
        }
    }

    /// <summary>
    /// Every conflict of <paramref name="proposal"/> with the timetable, as if it replaced the
    /// session with the same id. The timetable is left unchanged.
    /// </summary>
    public IReadOnlyList<Conflict> Check(PlannedSession proposal)
    {
        var existing = _sessions.GetValueOrDefault(proposal.Id);
        Remove(proposal.Id);
        try
        {
            var conflicts = new List<Conflict>();
            AddOverlaps(conflicts, ConflictKind.VenueOverlap, Lookup(_venues, proposal.VenueId), proposal, "the venue");
            foreach (var speaker in proposal.SpeakerIds)
            {
                AddOverlaps(conflicts, ConflictKind.SpeakerOverlap, Lookup(_speakers, speaker), proposal, $"speaker {speaker}");
            }
            foreach (var audience in AudienceTimelines(proposal))
            {
                AddOverlaps(conflicts, ConflictKind.AudienceOverlap, audience, proposal, "part of the audience");
            }
            AddTravelConflicts(conflicts, proposal);
            return conflicts.DistinctBy(c => (c.Kind, c.With)).ToList();
        }
        finally
        {
            if (existing is not null)
            {
                Put(existing);
            }
        }
    }

    private void AddTravelConflicts(List<Conflict> conflicts, PlannedSession proposal)
    {
        // Each group's last whereabouts before, and first after, may differ: check per group.
        var views = proposal.IsWholeBatch
            ? _groups.Values.Select(g => new[] { g, _wholeBatch }).Append([_wholeBatch])
            : proposal.Groups.Select(g => new[] { Lookup(_groups, g), _wholeBatch }.OfType<Timeline>().ToArray());
        foreach (var timelines in views)
        {
            var previous = timelines.Select(t => t.Before(proposal.Start)).OfType<PlannedSession>().MaxBy(s => s.End);
            if (previous is not null && previous.End <= proposal.Start)
            {
                CheckLeg(conflicts, previous, previous.End, previous.City, proposal.Start, proposal.StartCity, proposal);
            }
            var next = timelines.Select(t => t.After(proposal.End)).OfType<PlannedSession>().MinBy(s => s.Start);
            if (next is not null)
            {
                CheckLeg(conflicts, next, proposal.End, proposal.City, next.Start, next.StartCity, proposal);
            }
        }
    }

    private void CheckLeg(List<Conflict> conflicts, PlannedSession other, DateTimeOffset leave, string from, DateTimeOffset arrive, string to, PlannedSession proposal)
    {
        var needed = travel.Between(from, to);
        if (needed is null)
        {
            conflicts.Add(new Conflict(ConflictKind.TravelTime, other.Id, $"No travel time is known between {from} and {to} ('{other.Title}')."));
        }
        else if (arrive - leave < needed)
        {
            conflicts.Add(new Conflict(ConflictKind.TravelTime, other.Id,
                $"'{proposal.Title}' and '{other.Title}' leave {(arrive - leave).TotalMinutes:0} min to travel between {from} and {to}; {needed.Value.TotalMinutes:0} min are needed."));
        }
    }

    private static void AddOverlaps(List<Conflict> conflicts, ConflictKind kind, Timeline? timeline, PlannedSession proposal, string what)
    {
        if (timeline is null)
        {
            return;
        }
        foreach (var other in timeline.Overlapping(proposal.Start, proposal.End))
        {
            conflicts.Add(new Conflict(kind, other.Id, $"'{proposal.Title}' overlaps '{other.Title}' ({other.Start:u}–{other.End:u}) for {what}."));
        }
    }

    private IEnumerable<Timeline> AudienceTimelines(PlannedSession session) =>
        session.IsWholeBatch
            ? _groups.Values.Append(_wholeBatch)
            : session.Groups.Select(g => Lookup(_groups, g)).OfType<Timeline>().Append(_wholeBatch);

    private IEnumerable<Timeline> TimelinesOf(PlannedSession session, bool create)
    {
        var timelines = new List<Timeline?> { Get(_venues, session.VenueId, create) };
        timelines.AddRange(session.SpeakerIds.Select(s => Get(_speakers, s, create)));
        timelines.AddRange(session.IsWholeBatch ? [_wholeBatch] : session.Groups.Select(g => Get(_groups, g, create)));
        return timelines.OfType<Timeline>();
    }

    private static Timeline? Lookup(Dictionary<string, Timeline> timelines, string key) => timelines.GetValueOrDefault(key);

    private static Timeline? Get(Dictionary<string, Timeline> timelines, string key, bool create)
    {
        if (!timelines.TryGetValue(key, out var timeline) && create)
        {
            timelines[key] = timeline = new Timeline();
        }
        return timeline;
    }
}
