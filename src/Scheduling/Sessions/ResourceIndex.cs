namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The sessions of every batch by venue and by person (host or speaker). Venues and people are
/// shared by all batches, so a venue, host or speaker is never in two sessions at once, whichever
/// batches they belong to. Each overlap query is O(log n + k).
/// </summary>
internal sealed class ResourceIndex
{
    private readonly TimelineMap _venues = new();
    private readonly TimelineMap _people = new();

    /// <summary>Adds a session.</summary>
    public void Add(PlannedSession session)
    {
        _venues.For(session.VenueId).Add(session);
        foreach (var person in session.SpeakerIds)
        {
            _people.For(person).Add(session);
        }
    }

    /// <summary>Removes a session added before.</summary>
    public void Remove(PlannedSession session)
    {
        _venues.Find(session.VenueId)?.Remove(session);
        foreach (var person in session.SpeakerIds)
        {
            _people.Find(person)?.Remove(session);
        }
    }

    /// <summary>The sessions of any batch holding <paramref name="proposal"/>'s venue or one of its people at the same time.</summary>
    public IEnumerable<Conflict> Conflicts(PlannedSession proposal)
    {
        var venue = Overlaps(_venues.Find(proposal.VenueId), proposal)
            .Select(other => Conflict.Overlap(ConflictKind.VenueOverlap, proposal, other, "the venue"));
        var people = proposal.SpeakerIds.SelectMany(person => Overlaps(_people.Find(person), proposal)
            .Select(other => Conflict.Overlap(ConflictKind.SpeakerOverlap, proposal, other, $"speaker {person}")));
        return venue.Concat(people);
    }

    private static IEnumerable<PlannedSession> Overlaps(Timeline? timeline, PlannedSession proposal) =>
        timeline?.Overlapping(proposal.Start, proposal.End) ?? [];
}
