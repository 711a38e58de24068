namespace Ksst.Scheduling.Sessions;

/// <summary>Why two sessions cannot both stand.</summary>
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
}

/// <summary>A conflict of a proposed session with one already in the timetable.</summary>
/// <param name="Kind">What clashes.</param>
/// <param name="With">The session it clashes with.</param>
/// <param name="Detail">A sentence for the organiser.</param>
public sealed record Conflict(ConflictKind Kind, Guid With, string Detail);
