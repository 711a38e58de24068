namespace Ksst.Scheduling.Sessions;

/// <summary>Why a proposed session cannot stand.</summary>
public enum ConflictKind
{
    /// <summary>Both use the same venue at once.</summary>
    VenueOverlap,
    /// <summary>A host or speaker is in both at once.</summary>
    SpeakerOverlap,
    /// <summary>Someone in the audience would be in both at once.</summary>
    AudienceOverlap,
    /// <summary>The audience cannot get from one city to the other in the time between them.</summary>
    TravelTime,
    /// <summary>The session is not within the batch's dates.</summary>
    OutsideBatchDates,
    /// <summary>The audience is larger than the venue or the session takes.</summary>
    OverCapacity,
}

/// <summary>A conflict of a proposed session: with a session of the timetable, or with the batch or venue.</summary>
/// <param name="Kind">What clashes.</param>
/// <param name="With">The session it clashes with; <see cref="Guid.Empty"/> when it is not a session.</param>
/// <param name="Detail">A sentence for the organiser.</param>
/// <param name="Resource">What it clashes with when that is not a session, e.g. "batches/ksst-sme-2018".</param>
public sealed record Conflict(ConflictKind Kind, Guid With, string Detail, string? Resource = null)
{
    /// <summary>What it clashes with, as a resource name: "sessions/{id}", "batches/{id}" or "venues/{id}".</summary>
    public string Subject => Resource ?? $"sessions/{With}";

    /// <summary>
    /// <paramref name="proposal"/> and <paramref name="other"/> share time and <paramref name="what"/>;
    /// the sentence names the other session's batch when it is not the proposal's.
    /// </summary>
    public static Conflict Overlap(ConflictKind kind, PlannedSession proposal, PlannedSession other, string what)
    {
        var batch = other.BatchId == proposal.BatchId ? "" : $" of batch {other.BatchId}";
        return new Conflict(kind, other.Id, $"'{proposal.Title}' overlaps '{other.Title}'{batch} ({other.Start:u}–{other.End:u}) for {what}.");
    }

    /// <summary>A conflict with something other than a session.</summary>
    public static Conflict Against(ConflictKind kind, string resource, string detail) => new(kind, Guid.Empty, detail, resource);
}
