using System.Globalization;

namespace Ksst.Notifications.Notices;

/// <summary>Writes instants as people read them: in the programme's time zone, in their language.</summary>
public sealed class LocalTimes(TimeZoneInfo zone)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The zone times are shown in.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>e.g. "Monday 23 July 2018, 08:30 (Asia/Jakarta)" or "Senin, 23 Juli 2018 08.30 (Asia/Jakarta)".</summary>
    public string Format(DateTimeOffset instant, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var text = language == "id"
            ? local.ToString("dddd, d MMMM yyyy HH.mm", Indonesian)
            : local.ToString("dddd d MMMM yyyy, HH:mm", English);
        return $"{text} ({zone.Id})";
    }
}
