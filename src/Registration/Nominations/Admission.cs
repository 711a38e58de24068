namespace Ksst.Registration.Nominations;

/// <summary>
/// Who gets a seat: seats held (accepted, confirmed, attended) never exceed the batch's capacity,
/// and no nominating country holds more than its quota.
/// </summary>
public sealed class Admission
{
    private readonly int _capacity;
    private readonly int _quota;
    private readonly Dictionary<string, int> _seatsByCountry;

    /// <summary>The seat count of a batch from the statuses and countries of its nominations.</summary>
    public Admission(int capacity, int countryQuota, IEnumerable<(NominationStatus Status, string Country)> nominations)
    {
        _capacity = capacity;
        _quota = countryQuota;
        _seatsByCountry = nominations
            .Where(n => NominationLifecycle.HoldsSeat(n.Status))
            .GroupBy(n => n.Country)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Seats held in the batch.</summary>
    public int SeatsTaken => _seatsByCountry.Values.Sum();

    /// <summary>True when a nomination from <paramref name="country"/> fits in a free seat and the country's quota.</summary>
    public bool HasRoomFor(string country) =>
        SeatsTaken < _capacity && _seatsByCountry.GetValueOrDefault(country) < _quota;

    /// <summary>Counts a seat taken by <paramref name="country"/>.</summary>
    public void Take(string country) => _seatsByCountry[country] = _seatsByCountry.GetValueOrDefault(country) + 1;

    /// <summary>
    /// The waitlisted nominations to promote, oldest first, each only if its country still has
    /// room: a country at its quota is skipped, not a blocker for the ones behind it.
    /// </summary>
    public IReadOnlyList<Nomination> Promote(IEnumerable<Nomination> waitlistOldestFirst)
    {
        var promoted = new List<Nomination>();
        foreach (var nomination in waitlistOldestFirst)
        {
            if (SeatsTaken >= _capacity)
            {
                break;
            }
            if (HasRoomFor(nomination.NominatingCountry))
            {
                Take(nomination.NominatingCountry);
                promoted.Add(nomination);
            }
        }
        return promoted;
    }
}
