namespace Ksst.Contracts.Events;

/// <summary>A session was put on a batch's timetable.</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the change was stored (UTC).</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SessionId">The session in Scheduling.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="AffectedNominationIds">The participants (nominations) in its audience, as far as Scheduling knows them.</param>
/// <param name="Version">The session's version after this change (see <see cref="VersionOrder"/>): 1 when scheduled, one more at each reschedule or cancellation.</param>
[IntegrationEvent("ksst.scheduling.session-scheduled.v1")]
public sealed record SessionScheduled(
    Guid EventId, DateTimeOffset OccurredAt, string BatchId, Guid SessionId, string Title,
    DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> AffectedNominationIds, long Version) : IIntegrationEvent;

/// <summary>A session moved in time (or venue).</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the change was stored (UTC).</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SessionId">The session in Scheduling.</param>
/// <param name="Title">The session's title.</param>
/// <param name="OldStart">Start before the change (UTC).</param>
/// <param name="OldEnd">End before the change (UTC).</param>
/// <param name="NewStart">Start after the change (UTC).</param>
/// <param name="NewEnd">End after the change (UTC).</param>
/// <param name="AffectedNominationIds">The participants (nominations) in its audience, as far as Scheduling knows them.</param>
/// <param name="Version">The session's version after this change (see <see cref="VersionOrder"/>): 1 when scheduled, one more at each reschedule or cancellation.</param>
[IntegrationEvent("ksst.scheduling.session-rescheduled.v1")]
public sealed record SessionRescheduled(
    Guid EventId, DateTimeOffset OccurredAt, string BatchId, Guid SessionId, string Title,
    DateTimeOffset OldStart, DateTimeOffset OldEnd, DateTimeOffset NewStart, DateTimeOffset NewEnd,
    IReadOnlyList<Guid> AffectedNominationIds, long Version) : IIntegrationEvent;

/// <summary>A session was cancelled.</summary>
/// <param name="EventId">Unique per event; consumers de-duplicate on it.</param>
/// <param name="OccurredAt">When the change was stored (UTC).</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SessionId">The session in Scheduling.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Start">Its start (UTC), as it was planned.</param>
/// <param name="AffectedNominationIds">The participants (nominations) in its audience, as far as Scheduling knows them.</param>
/// <param name="Version">The session's version after this change (see <see cref="VersionOrder"/>): 1 when scheduled, one more at each reschedule or cancellation.</param>
[IntegrationEvent("ksst.scheduling.session-cancelled.v1")]
public sealed record SessionCancelled(
    Guid EventId, DateTimeOffset OccurredAt, string BatchId, Guid SessionId, string Title,
    DateTimeOffset Start, IReadOnlyList<Guid> AffectedNominationIds, long Version) : IIntegrationEvent;
