using Ksst.Platform.Audit;

namespace Ksst.Scheduling.Feeds;

/// <summary>
/// A calendar feed: a secret URL that serves a batch's agenda (no nomination) or one
/// participant's itinerary as iCalendar to whoever holds it. Only the SHA-256 hash of its token
/// is kept (<see cref="FeedToken"/>); a revoked feed serves nothing, at once.
/// </summary>
public sealed class Feed
{
    /// <summary>The feed's id, by which it is listed and revoked.</summary>
    public required Guid Id { get; init; }

    /// <summary>SHA-256 of the token in its URL: the feed is found by it, and the token cannot be read back from it.</summary>
    [Secret]
    public required byte[] TokenHash { get; init; }

    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>The participant whose itinerary it serves; null for the batch's agenda.</summary>
    public Guid? NominationId { get; init; }

    /// <summary>A name to know it by, or empty.</summary>
    public required string Label { get; init; }

    /// <summary>The subject (user or client id) of whoever created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was revoked; null while it serves.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether it serves the batch's agenda rather than an itinerary.</summary>
    public bool IsAgenda => NominationId is null;
}
