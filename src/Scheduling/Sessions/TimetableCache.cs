namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The <see cref="TimetableIndex"/> of all batches (venues and people are shared by them), built
/// once from the database and then kept up to date by every change, so a check costs
/// O(log n + k) instead of a rebuild. A change is taken inside the write lock that commits it, so
/// the next writer checks against it; should that commit fail, the index is forgotten and built
/// again. A load that overlaps a change is discarded and repeated (each change bumps the
/// version). Scheduling is the only writer of its database, so this process sees every change.
/// </summary>
public sealed class TimetableCache(TravelMatrix travel)
{
    private readonly Lock _lock = new();
    private TimetableIndex? _index;
    private long _version;

    /// <summary>Every conflict of <paramref name="proposal"/> with the timetable of every batch.</summary>
    /// <param name="proposal">The session as proposed.</param>
    /// <param name="load">Reads the standing sessions of all batches, when the index is not yet built.</param>
    /// <param name="ct">Cancels the load.</param>
    public async Task<IReadOnlyList<Conflict>> CheckAsync(
        PlannedSession proposal, Func<CancellationToken, Task<IReadOnlyList<PlannedSession>>> load, CancellationToken ct)
    {
        while (true)
        {
            long version;
            lock (_lock)
            {
                if (_index is { } index)
                {
                    return index.Check(proposal);
                }
                version = _version;
            }
            var sessions = await load(ct);
            lock (_lock)
            {
                if (_version == version)
                {
                    _index = new TimetableIndex(travel);
                    foreach (var session in sessions)
                    {
                        _index.Put(session);
                    }
                    return _index.Check(proposal);
                }
            }
        }
    }

    /// <summary>Records a new or changed session.</summary>
    public void Put(PlannedSession session) => Change(index => index.Put(session));

    /// <summary>Records a cancellation.</summary>
    public void Remove(Guid sessionId) => Change(index => index.Remove(sessionId));

    /// <summary>Drops the index (a change it took did not commit after all); the next check builds it again.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _version++;
            _index = null;
        }
    }

    private void Change(Action<TimetableIndex> change)
    {
        lock (_lock)
        {
            _version++;
            if (_index is { } index)
            {
                change(index);
            }
        }
    }
}
