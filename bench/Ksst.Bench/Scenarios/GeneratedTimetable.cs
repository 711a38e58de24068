using Ksst.Scheduling.Sessions;

namespace Ksst.Bench.Scenarios;

/// <summary>
/// A large, valid timetable: <c>groups</c> groups each in one session per slot, four two-hour
/// slots a day, each group in its own venue and with its own speaker in every slot (rotating),
/// Bandung on weekdays and Jakarta at weekends (the 3 h road trip fits overnight).
/// </summary>
public static class GeneratedTimetable
{
    private static readonly TimeSpan[] SlotStarts = [TimeSpan.FromHours(1), TimeSpan.FromHours(3.5), TimeSpan.FromHours(6.5), TimeSpan.FromHours(9)];

    /// <summary>At least <paramref name="count"/> sessions over as many days as that takes.</summary>
    public static List<PlannedSession> Create(int count, int groups = 25)
    {
        var sessions = new List<PlannedSession>(count);
        var first = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);
        for (var day = 0; sessions.Count < count; day++)
        {
            var city = day % 7 < 5 ? "Bandung" : "Jakarta";
            for (var slot = 0; slot < SlotStarts.Length && sessions.Count < count; slot++)
            {
                var start = first.AddDays(day) + SlotStarts[slot];
                for (var g = 0; g < groups && sessions.Count < count; g++)
                {
                    var rotation = (g + slot + day) % groups;
                    sessions.Add(new PlannedSession(
                        Guid.NewGuid(), $"Workshop {day}/{slot}/{g}", $"{city}-venue-{rotation}", city, start, start.AddHours(2),
                        [$"speaker-{(rotation + 7 * slot) % groups}"], [$"G{g}"]));
                }
            }
        }
        return sessions;
    }
}
