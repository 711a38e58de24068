namespace Ksst.Scheduling.Sessions;

/// <summary>A session's audience may not be larger than its venue holds or than the session takes.</summary>
public static class CapacityRule
{
    /// <summary>A conflict when <paramref name="audience"/> people are too many; null otherwise.</summary>
    /// <param name="title">The session's title, for the message.</param>
    /// <param name="audience">Participants expected.</param>
    /// <param name="venue">The venue.</param>
    /// <param name="sessionCapacity">What the session takes; 0 when only the venue limits it.</param>
    public static Conflict? Check(string title, int audience, Venue venue, int sessionCapacity)
    {
        var limit = sessionCapacity > 0 ? Math.Min(sessionCapacity, venue.Capacity) : venue.Capacity;
        if (audience <= limit)
        {
            return null;
        }
        var what = sessionCapacity > 0 && sessionCapacity < venue.Capacity ? "the session takes" : $"{venue.Name} holds";
        return Conflict.Against(ConflictKind.OverCapacity, $"venues/{venue.Id}",
            $"'{title}' has an audience of {audience}, but {what} {limit}.");
    }
}
