using System.Net.Mail;
using System.Text.RegularExpressions;
using Ksst.Contracts.Identity;
using KnownRole = Ksst.ServiceDefaults.Access.Role;

namespace Ksst.Identity.Callers;

/// <summary>
/// What a caller's access tokens say it may do: its role and that role's scope (an organiser's
/// programmes, an agency's country, a participant's email), and a display name. The same for a
/// machine client and for a person.
/// </summary>
/// <param name="Role">organiser, agency, participant, ops or service (lower-case).</param>
/// <param name="Programmes">An organiser's programmes ("*" for every one); empty otherwise.</param>
/// <param name="Country">An agency's member country, upper-case; null otherwise.</param>
/// <param name="Email">A participant's email, lower-case; null otherwise.</param>
/// <param name="Name">A display name, optional.</param>
internal sealed partial record AccessProfile(string Role, IReadOnlyList<string> Programmes, string? Country, string? Email, string? Name)
{
    /// <summary>The longest programme id the services take.</summary>
    private const int MaxProgrammeLength = 64;

    /// <summary>A machine client's profile as configured, normalised.</summary>
    public static AccessProfile Of(ClientCredentials client) =>
        Normalised(client.Role, client.Programmes, client.Country, email: null, client.Name);

    /// <summary>A person's profile as configured, normalised.</summary>
    public static AccessProfile Of(UserCredentials user) =>
        Normalised(user.Role, user.Programmes, user.Country, user.Email, user.Name);

    /// <summary>
    /// What is wrong with this profile for a person (<paramref name="person"/>) or a machine
    /// client: an unknown role, or a scope that does not fit the role. Empty when it is right.
    /// </summary>
    public IEnumerable<string> Problems(bool person)
    {
        var known = Enum.GetNames<KnownRole>().FirstOrDefault(name => string.Equals(name, Role, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            yield return $"the role '{Role}' is not one of {string.Join(", ", Enum.GetNames<KnownRole>().Select(n => n.ToLowerInvariant()))}";
            yield break;
        }
        var role = Enum.Parse<KnownRole>(known);
        if (person && role == KnownRole.Service)
        {
            yield return "a person cannot have the role service";
        }
        if (!person && role == KnownRole.Participant)
        {
            yield return "a participant is a person who signs in, not a machine client";
        }
        if (role == KnownRole.Organiser && Programmes.Count == 0)
        {
            yield return "an organiser needs at least one programme ('*' for every one)";
        }
        if (role != KnownRole.Organiser && Programmes.Count > 0)
        {
            yield return "only an organiser has programmes";
        }
        if (Programmes.FirstOrDefault(p => p.Length is 0 or > MaxProgrammeLength) is { } programme)
        {
            yield return $"the programme '{programme}' is not an id of 1 to {MaxProgrammeLength} characters";
        }
        if (role == KnownRole.Agency && (Country is null || !CountryCode().IsMatch(Country)))
        {
            yield return "an agency needs its member country as an ISO 3166-1 alpha-2 code";
        }
        if (role != KnownRole.Agency && Country is not null)
        {
            yield return "only an agency has a country";
        }
        if (role == KnownRole.Participant && (Email is null || !MailAddress.TryCreate(Email, out _)))
        {
            yield return "a participant needs their email";
        }
        if (role != KnownRole.Participant && Email is not null)
        {
            yield return "only a participant has an email in their tokens";
        }
    }

    private static AccessProfile Normalised(string role, IEnumerable<string> programmes, string? country, string? email, string? name) => new(
        role.Trim().ToLowerInvariant(),
        [.. programmes.Select(p => p.Trim()).Distinct(StringComparer.Ordinal)],
        Blank(country)?.ToUpperInvariant(),
        Blank(email)?.ToLowerInvariant(),
        Blank(name));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
