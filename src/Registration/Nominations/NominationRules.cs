using System.Net.Mail;
using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Countries;
using Ksst.ServiceDefaults.Errors;

namespace Ksst.Registration.Nominations;

/// <summary>The field rules of a nomination request; each broken rule names its field.</summary>
public static class NominationRules
{
    /// <summary>Longest accepted full name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Languages messages can be written in.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "id" };

    /// <summary>Every broken field rule of <paramref name="request"/>.</summary>
    public static FieldViolations Check(NominateRequest request)
    {
        var violations = new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.");
        CheckCountry(violations, "nominating_country", request.NominatingCountry);

        var person = request.Participant;
        if (person is null)
        {
            return violations.Add("participant", "Required.");
        }

        var name = person.FullName.Trim();
        violations
            .AddIf(name.Length == 0, "participant.full_name", "Required.")
            .AddIf(name.Length > MaxNameLength, "participant.full_name", $"At most {MaxNameLength} characters.")
            .AddIf(person.Email.Trim().Length == 0, "participant.email", "Required.")
            .AddIf(person.Email.Trim().Length > 0 && !IsEmail(person.Email.Trim()), "participant.email", "Not a valid email address.")
            .AddIf(person.PreferredLanguage.Length > 0 && !Languages.Contains(person.PreferredLanguage), "participant.preferred_language", "Must be \"en\" or \"id\".");
        CheckCountry(violations, "participant.nationality", person.Nationality);
        return violations;
    }

    /// <summary>True for a plain address such as "name@agency.gov.lk" (no display name, a dotted domain).</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    private static void CheckCountry(FieldViolations violations, string field, string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            violations.Add(field, "Required.");
        }
        else if (!ColomboPlanMembers.IsMember(code))
        {
            violations.Add(field, $"'{code}' is not a Colombo Plan member country (ISO 3166-1 alpha-2, upper case).");
        }
    }
}
