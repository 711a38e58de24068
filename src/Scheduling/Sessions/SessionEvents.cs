using Ksst.Contracts.Events;

namespace Ksst.Scheduling.Sessions;

/// <summary>
/// The integration event of each change to a session. Telling a change is what gives the session
/// its next <see cref="Session.Version"/>, so every event carries a version one above the last.
/// </summary>
internal static class SessionEvents
{
    /// <summary>The session was put on the timetable.</summary>
    public static SessionScheduled Scheduled(Session s, IReadOnlyList<Guid> audience, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, s.BatchId, s.Id, s.Title, s.Start, s.End, audience, NextVersion(s));

    /// <summary>The session moved from <paramref name="oldStart"/>–<paramref name="oldEnd"/> to its current times.</summary>
    public static SessionRescheduled Rescheduled(Session s, DateTimeOffset oldStart, DateTimeOffset oldEnd, IReadOnlyList<Guid> audience, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, s.BatchId, s.Id, s.Title, oldStart, oldEnd, s.Start, s.End, audience, NextVersion(s));

    /// <summary>The session was cancelled.</summary>
    public static SessionCancelled Cancelled(Session s, IReadOnlyList<Guid> audience, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, s.BatchId, s.Id, s.Title, s.Start, audience, NextVersion(s));

    private static long NextVersion(Session s) => ++s.Version;
}
