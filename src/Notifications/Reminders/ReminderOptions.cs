namespace Ksst.Notifications.Reminders;

/// <summary>When reminders go out (section "Notifications:Reminders").</summary>
public sealed class ReminderOptions
{
    /// <summary>The local hour (in the organisers' time zone) on the day before a session.</summary>
    public int LocalHour { get; set; } = 18;

    /// <summary>
    /// When a reminder falls due: the day before the session starts, at <paramref name="localHour"/>
    /// in <paramref name="zone"/>. A session scheduled later than that is reminded at once.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset sessionStart, TimeZoneInfo zone, int localHour)
    {
        var localDay = TimeZoneInfo.ConvertTime(sessionStart, zone).Date.AddDays(-1).AddHours(localHour);
        return new DateTimeOffset(localDay, zone.GetUtcOffset(localDay)).ToUniversalTime();
    }
}
