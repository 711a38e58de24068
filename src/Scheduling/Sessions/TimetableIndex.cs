namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The timetable of every batch, checking a proposed session against it. Venues, hosts and
/// speakers are shared by all batches, so their overlaps are checked across batches
/// (<see cref="ResourceIndex"/>); the audience and its travel time are the batch's own
/// (<see cref="AudienceIndex"/>). Every conflict is reported, each naming the session it clashes
/// with; each check is O(log n + k), with no comparison against every session.
/// </summary>
public sealed class TimetableIndex(TravelMatrix travel)
{
    private readonly Dictionary<Guid, PlannedSession> _sessions = new();
    private readonly ResourceIndex _resources = new();
    private readonly Dictionary<string, AudienceIndex> _audiences = new(StringComparer.Ordinal);

    /// <summary>The sessions in the timetable, of all batches.</summary>
    public IReadOnlyCollection<PlannedSession> Sessions => _sessions.Values;

    /// <summary>Adds (or replaces) a session without checking it.</summary>
    public void Put(PlannedSession session)
    {
        Remove(session.Id);
        _sessions[session.Id] = session;
        _resources.Add(session);
        AudienceOf(session.BatchId).Add(session);
    }

    /// <summary>Removes a session, if present.</summary>
    public void Remove(Guid id)
    {
        if (_sessions.Remove(id, out var old))
        {
            _resources.Remove(old);
            AudienceOf(old.BatchId).Remove(old);
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
            return _resources.Conflicts(proposal)
                .Concat(AudienceOf(proposal.BatchId).Conflicts(proposal))
                .DistinctBy(c => (c.Kind, c.With))
                .ToList();
        }
        finally
        {
            if (existing is not null)
            {
                Put(existing);
            }
        }
    }

    private AudienceIndex AudienceOf(string batchId)
    {
        if (!_audiences.TryGetValue(batchId, out var audience))
        {
            _audiences[batchId] = audience = new AudienceIndex(travel);
        }
        return audience;
    }
}
