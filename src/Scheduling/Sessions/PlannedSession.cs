namespace Ksst.Scheduling.Sessions;

/// <summary>
/// What the timetable checks need to know of a session. A travel leg starts in
/// <see cref="FromCity"/> and ends in <see cref="City"/>; any other session is in one city.
/// </summary>
/// <param name="Id">The session.</param>
/// <param name="Title">For messages.</param>
/// <param name="VenueId">Where it takes place (a travel leg's vehicle or route counts as a venue too).</param>
/// <param name="City">The city it happens in (for travel: the destination).</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC), after the start.</param>
/// <param name="SpeakerIds">Hosts and speakers, who cannot be in two places at once.</param>
/// <param name="Groups">The audience's groups; empty means the whole batch.</param>
/// <param name="FromCity">A travel leg's origin; null for other sessions.</param>
/// <param name="BatchId">
/// The batch: its audience is the batch's own, while venues and people are shared by all batches.
/// </param>
public sealed record PlannedSession(
    Guid Id,
    string Title,
    string VenueId,
    string City,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> SpeakerIds,
    IReadOnlyList<string> Groups,
    string? FromCity = null,
    string BatchId = "")
{
    /// <summary>Where the audience is when the session starts.</summary>
    public string StartCity => FromCity ?? City;

    /// <summary>True when the whole batch attends.</summary>
    public bool IsWholeBatch => Groups.Count == 0;
}
