namespace Ksst.Scheduling.Sessions;

/// <summary>
/// Travel times between cities, symmetric. The same city needs no time; a pair not in the matrix
/// cannot be travelled between directly (a check reports it rather than guessing).
/// </summary>
public sealed class TravelMatrix
{
    private readonly Dictionary<(string, string), TimeSpan> _times = new();

    /// <summary>Jakarta–Bandung about 3 h by road (150 km); Bandung–Cimahi 30 min (adjoining).</summary>
    public static TravelMatrix WestJava() => new TravelMatrix()
        .With("Jakarta", "Bandung", TimeSpan.FromHours(3))
        .With("Bandung", "Cimahi", TimeSpan.FromMinutes(30))
        .With("Jakarta", "Cimahi", TimeSpan.FromHours(3));

    /// <summary>Sets the time between <paramref name="a"/> and <paramref name="b"/>, both ways.</summary>
    public TravelMatrix With(string a, string b, TimeSpan time)
    {
        _times[Key(a, b)] = time;
        return this;
    }

    /// <summary>The time needed from <paramref name="from"/> to <paramref name="to"/>; null when unknown.</summary>
    public TimeSpan? Between(string from, string to) =>
        string.Equals(from, to, StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero
        : _times.TryGetValue(Key(from, to), out var time) ? time : null;

    private static (string, string) Key(string a, string b)
    {
        var (x, y) = (a.ToUpperInvariant(), b.ToUpperInvariant());
        return string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
    }
}
