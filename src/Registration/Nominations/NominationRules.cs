using System.Net.Mail;
using System.Text.RegularExpressions;
using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Countries;
using Ksst.ServiceDefaults.Errors;
using Batch = Ksst.Registration.Batches.Batch;

namespace Ksst.Registration.Nominations;

/// <summary>The field rules of a nomination request; each broken rule names its field.</summary>
public static partial class NominationRules
{
    /// <summary>How long a passport must stay valid after the batch ends.</summary>
    public const int PassportMonthsAfterBatch = 6;

    /// <summary>How many days before the start and after the end travel may fall.</summary>
    public const int TravelWindowDays = 7;

    /// <summary>Languages messages can be written in.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "id" };

    /// <summary>Accepted values of gender.</summary>
    public static readonly IReadOnlySet<string> Genders = new HashSet<string>(StringComparer.Ordinal) { "", "female", "male", "other" };

    /// <summary>
    /// Every broken rule that needs no knowledge of the batch. Lengths, control characters and
    /// item counts are the shared rules of every API, declared in the .proto and checked before
    /// the handler runs (<see cref="FieldRules"/>).
    /// </summary>
    public static FieldViolations Check(NominateRequest request)
    {
        var violations = new FieldViolations()
            .AddIf(string.IsNullOrWhiteSpace(request.BatchId), "batch_id", "Required.");
        CheckCountry(violations, "nominating_country", request.NominatingCountry);
        if (request.AgencyContact is { Email.Length: > 0 } agency && !IsEmail(agency.Email.Trim()))
        {
            violations.Add("agency_contact.email", "Not a valid email address.");
        }

        var person = request.Participant;
        if (person is null)
        {
            return violations.Add("participant", "Required.");
        }

        var name = person.FullName.Trim();
        var email = person.Email.Trim();
        violations
            .AddIf(name.Length == 0, "participant.full_name", "Required.")
            .AddIf(email.Length == 0, "participant.email", "Required.")
            .AddIf(email.Length > 0 && !IsEmail(email), "participant.email", "Not a valid email address.");
        CheckCountry(violations, "participant.nationality", person.Nationality);
        violations
            .AddIf(!Genders.Contains(person.Gender), "participant.gender", "Must be \"female\", \"male\", \"other\" or empty.")
            .AddIf(person.Phone.Length > 0 && !IsPhone(person.Phone), "participant.phone", "Must be in international form, e.g. \"+94 71 234 5678\".")
            .AddIf(person.PassportNumber.Trim().Length == 0, "participant.passport_number", "Required.")
            .AddIf(person.PassportNumber.Trim().Length > 0 && !PassportPattern().IsMatch(person.PassportNumber.Trim()), "participant.passport_number", "5 to 20 letters or digits.")
            .AddIf(person.PassportExpiry.Length == 0, "participant.passport_expiry", "Required.")
            .AddIf(person.PassportExpiry.Length > 0 && !IsoDate.TryParse(person.PassportExpiry, out _), "participant.passport_expiry", IsoDate.Expected("2019-06-30"))
            .AddIf(person.ArrivalDate.Length > 0 && !IsoDate.TryParse(person.ArrivalDate, out _), "participant.arrival_date", IsoDate.Expected("2018-07-17"))
            .AddIf(person.DepartureDate.Length > 0 && !IsoDate.TryParse(person.DepartureDate, out _), "participant.departure_date", IsoDate.Expected("2018-07-31"))
            .AddIf(person.PreferredLanguage.Length > 0 && !Languages.Contains(person.PreferredLanguage), "participant.preferred_language", "Must be \"en\" or \"id\".");
        if (IsoDate.TryParse(person.ArrivalDate, out var arrival) && IsoDate.TryParse(person.DepartureDate, out var departure) && departure < arrival)
        {
            violations.Add("participant.departure_date", "Must not be before the arrival date.");
        }
        return violations;
    }

    /// <summary>Adds the rules that depend on the batch: eligibility, passport validity, travel window.</summary>
    public static FieldViolations CheckAgainst(this FieldViolations violations, NominateRequest request, Batch batch)
    {
        if (ColomboPlanMembers.IsMember(request.NominatingCountry) && !batch.IsEligible(request.NominatingCountry))
        {
            violations.Add("nominating_country", $"'{request.NominatingCountry}' may not nominate to batch {batch.Id}.");
        }
        var person = request.Participant;
        var mustExpireAfter = batch.EndDate.AddMonths(PassportMonthsAfterBatch);
        if (IsoDate.TryParse(person.PassportExpiry, out var expiry) && expiry < mustExpireAfter)
        {
            violations.Add("participant.passport_expiry", $"Must be valid until at least {IsoDate.Format(mustExpireAfter)} (six months after the batch ends).");
        }
        var earliest = batch.StartDate.AddDays(-TravelWindowDays);
        var latest = batch.EndDate.AddDays(TravelWindowDays);
        if (IsoDate.TryParse(person.ArrivalDate, out var arrival) && (arrival < earliest || arrival > batch.EndDate))
        {
            violations.Add("participant.arrival_date", $"Must be between {IsoDate.Format(earliest)} and {IsoDate.Format(batch.EndDate)}.");
        }
        if (IsoDate.TryParse(person.DepartureDate, out var departure) && (departure < batch.StartDate || departure > latest))
        {
            violations.Add("participant.departure_date", $"Must be between {IsoDate.Format(batch.StartDate)} and {IsoDate.Format(latest)}.");
        }
        return violations;
    }

    /// <summary>True for a plain address such as "name@agency.gov.lk" (no display name, a dotted domain).</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    /// <summary>True for an international number: "+", then 7 to 15 digits, spaces or dashes between.</summary>
    public static bool IsPhone(string value) =>
        PhonePattern().IsMatch(value) && value.Count(char.IsAsciiDigit) is >= 7 and <= 15;

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

    [GeneratedRegex(@"^\+[0-9][0-9 \-]*[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Za-z0-9]{5,20}$")]
    private static partial Regex PassportPattern();
}
