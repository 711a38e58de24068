using Ksst.Contracts.Events;

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

    /// <summary>The status last heard, one of <see cref="RosterStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>When the status last changed in Registration, as its news said (for display: order comes from <see cref="Version"/>).</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>The nomination's version in the last news applied (<see cref="VersionOrder"/>); 0 before versions existed.</summary>
    public long Version { get; set; }

    /// <summary>When the nomination happened (from the event).</summary>
    public DateTimeOffset NominatedAt { get; init; }

    /// <summary>The participant's group in the batch, if any; only confirmed participants have one.</summary>
    public string? Group { get; set; }

    /// <summary>
    /// Takes <paramref name="status"/>, the nomination's state at <paramref name="version"/>,
    /// when that is news (<see cref="VersionOrder"/>): a version not above the one applied was
    /// overtaken or is a duplicate and changes nothing, whatever <paramref name="changedAt"/>
    /// says. A participant who is no longer confirmed leaves their group.
    /// </summary>
    /// <returns>True when the entry changed.</returns>
    public bool Apply(string status, long version, DateTimeOffset changedAt)
    {
        if (!VersionOrder.IsNews(version, Version))
        {
            return false;
        }
        Status = status;
        Version = version;
        StatusChangedAt = changedAt;
        if (!RosterStatus.IsConfirmed(status))
        {
            Group = null;
        }
        return true;
    }
}
