namespace Ksst.Scheduling.Groups;

/// <summary>A named part of a batch, for sessions that take a few participants at a time.</summary>
public sealed class Group
{
    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>Name, e.g. "A".</summary>
    public required string Name { get; init; }
}
