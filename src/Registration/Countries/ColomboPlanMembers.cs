namespace Ksst.Registration.Countries;

/// <summary>The 27 member countries of the Colombo Plan, by ISO 3166-1 alpha-2 code.</summary>
public static class ColomboPlanMembers
{
    /// <summary>Code → English short name, ordered by name.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new SortedList<string, string>(StringComparer.Ordinal)
    {
        ["AF"] = "Afghanistan",
        ["AU"] = "Australia",
        ["BD"] = "Bangladesh",
        ["BT"] = "Bhutan",
        ["BN"] = "Brunei Darussalam",
        ["FJ"] = "Fiji",
        ["IN"] = "India",
        ["ID"] = "Indonesia",
        ["IR"] = "Iran",
        ["JP"] = "Japan",
        ["KR"] = "Republic of Korea",
        ["LA"] = "Lao PDR",
        ["MY"] = "Malaysia",
        ["MV"] = "Maldives",
        ["MN"] = "Mongolia",
        ["MM"] = "Myanmar",
        ["NP"] = "Nepal",
        ["NZ"] = "New Zealand",
        ["PK"] = "Pakistan",
        ["PG"] = "Papua New Guinea",
        ["PH"] = "Philippines",
        ["SA"] = "Saudi Arabia",
        ["SG"] = "Singapore",
        ["LK"] = "Sri Lanka",
        ["TH"] = "Thailand",
        ["US"] = "United States of America",
        ["VN"] = "Viet Nam",
    };

    /// <summary>True when <paramref name="code"/> (upper-case alpha-2) is a member.</summary>
    public static bool IsMember(string code) => All.ContainsKey(code);
}
