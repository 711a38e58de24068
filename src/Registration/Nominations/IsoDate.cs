using System.Globalization;

namespace Ksst.Registration.Nominations;

/// <summary>
/// ISO 8601 calendar dates ("2018-07-18") as the API carries them. Dates of plans and people
/// (batch dates, passport expiry, travel) fall in the years <see cref="FirstYear"/> to
/// <see cref="LastYear"/>: beyond them, the day arithmetic of the rules (travel windows, passport
/// validity, time zones) has no meaning and would run off the calendar.
/// </summary>
public static class IsoDate
{
    /// <summary>The first year a date may fall in.</summary>
    public const int FirstYear = 2000;

    /// <summary>The last year a date may fall in.</summary>
    public const int LastYear = 2100;

    /// <summary>What a date must be, as the caller is told, with an example.</summary>
    public static string Expected(string example) => $"An ISO 8601 date in the years {FirstYear} to {LastYear}, e.g. \"{example}\".";

    /// <summary>Parses "yyyy-MM-dd" exactly, in the years <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    public static bool TryParse(string value, out DateOnly date)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= FirstYear and <= LastYear)
        {
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>Formats as "yyyy-MM-dd"; empty for no date.</summary>
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
