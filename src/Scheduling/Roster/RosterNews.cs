namespace Ksst.Scheduling.Roster;

/// <summary>What Scheduling learns of a nomination, from an event or from Registration directly.</summary>
/// <param name="NominationId">The nomination.</param>
/// <param name="BatchId">Its batch.</param>
/// <param name="Country">The nominating country (ISO alpha-2).</param>
/// <param name="Status">Its status, one of <see cref="RosterStatus"/>.</param>
/// <param name="ChangedAt">When Registration made that status (for display; order comes from <paramref name="Version"/>).</param>
/// <param name="NominatedAt">When it was nominated (the best known value).</param>
/// <param name="Version">The nomination's version in Registration that has this status.</param>
public sealed record RosterNews(Guid NominationId, string BatchId, string Country, string Status, DateTimeOffset ChangedAt, DateTimeOffset NominatedAt, long Version);
