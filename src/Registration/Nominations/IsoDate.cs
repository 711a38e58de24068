using System.Globalization;

namespace Ksst.Registration.Nominations;

/// <summary>ISO 8601 calendar dates ("2018-07-18") as the API carries them.</summary>
public static class IsoDate
{
    /// <summary>Parses "yyyy-MM-dd" exactly.</summary>
    public static bool TryParse(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Formats as "yyyy-MM-dd"; empty for no date.</summary>
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
