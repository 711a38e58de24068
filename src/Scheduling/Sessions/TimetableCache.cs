using System.Collections.Concurrent;

namespace Ksst.Scheduling.Sessions;

/// <summary>
/// Each batch's <see cref="TimetableIndex"/>, built once from the database and then kept up to
/// date by every committed change, so a check costs O(log n + k) instead of a rebuild. A load
/// that overlaps a change is discarded and repeated (each change bumps the batch's version).
/// Scheduling is the only writer of its database, so this process sees every change.
/// </summary>
public sealed class TimetableCache(TravelMatrix travel)
{
    private readonly ConcurrentDictionary<string, Entry> _batches = new(StringComparer.Ordinal);

    /// <summary>Every conflict of <paramref name="proposal"/> with the batch's timetable.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="proposal">The session as proposed.</param>
    /// <param name="load">Reads the batch's current sessions, when the index is not yet built.</param>
    /// <param name="ct">Cancels the load.</param>
    public async Task<IReadOnlyList<Conflict>> CheckAsync(
        string batchId, PlannedSession proposal, Func<CancellationToken, Task<IReadOnlyList<PlannedSession>>> load, CancellationToken ct)
    {
        var entry = _batches.GetOrAdd(batchId, _ => new Entry());
        while (true)
        {
            long version;
            lock (entry)
            {
                if (entry.Index is { } index)
                {
                    return index.Check(proposal);
                }
                version = entry.Version;
            }
            var sessions = await load(ct);
            lock (entry)
            {
                if (entry.Version == version)
                {
                    entry.Index = new TimetableIndex(travel);
                    foreach (var session in sessions)
                    {
                        entry.Index.Put(session);
                    }
                    return entry.Index.Check(proposal);
                }
            }
        }
    }

    /// <summary>Records a committed new or changed session.</summary>
    public void Put(string batchId, PlannedSession session) => Change(batchId, index => index.Put(session));

    /// <summary>Records a committed cancellation.</summary>
    public void Remove(string batchId, Guid sessionId) => Change(batchId, index => index.Remove(sessionId));

    private void Change(string batchId, Action<TimetableIndex> change)
    {
        var entry = _batches.GetOrAdd(batchId, _ => new Entry());
        lock (entry)
        {
            entry.Version++;
            if (entry.Index is { } index)
            {
                change(index);
            }
        }
    }

    private sealed class Entry
    {
        public TimetableIndex? Index;
        public long Version;
    }
}
