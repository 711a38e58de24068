namespace Ksst.Scheduling.Roster;

/// <summary>A participant of a batch as Scheduling knows them, from Registration's events.</summary>
public sealed class RosterEntry
{
    /// <summary>The nomination in Registration.</summary>
    public Guid NominationId { get; init; }

    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>ISO alpha-2 code of the nominating country.</summary>
    public required string Country { get; init; }

    /// <summary>The status last heard, e.g. "Nominated".</summary>
    public required string Status { get; set; }

    /// <summary>When the status last changed in Registration (from the event); older events are ignored.</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>When the nomination happened (from the event).</summary>
    public DateTimeOffset NominatedAt { get; init; }
}
