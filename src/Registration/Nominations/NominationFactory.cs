using Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>Builds a stored nomination from a validated request, normalising what it stores.</summary>
internal static class NominationFactory
{
    public static Nomination Create(NominateRequest request, DateTimeOffset now)
    {
        var person = request.Participant;
        return new Nomination
        {
            Id = Guid.CreateVersion7(now),
            BatchId = request.BatchId,
            RequestId = request.RequestId.Length > 0 ? request.RequestId : null,
            FullName = person.FullName.Trim(),
            Email = NormaliseEmail(person.Email),
            Nationality = person.Nationality,
            Gender = person.Gender,
            Phone = person.Phone.Trim(),
            PassportNumber = NormalisePassport(person.PassportNumber),
            PassportExpiry = IsoDate.TryParse(person.PassportExpiry, out var expiry) ? expiry : null,
            Organisation = person.Organisation.Trim(),
            Position = person.Position.Trim(),
            PreferredLanguage = person.PreferredLanguage.Length == 0 ? "en" : person.PreferredLanguage,
            DietaryNeeds = person.DietaryNeeds.Trim(),
            AccessibilityNeeds = person.AccessibilityNeeds.Trim(),
            ArrivalDate = IsoDate.TryParse(person.ArrivalDate, out var arrival) ? arrival : null,
            DepartureDate = IsoDate.TryParse(person.DepartureDate, out var departure) ? departure : null,
            NominatingCountry = request.NominatingCountry,
            AgencyContactName = request.AgencyContact?.Name.Trim() ?? "",
            AgencyContactEmail = request.AgencyContact?.Email.Trim() ?? "",
            NominatedAt = now,
            StatusChangedAt = now,
        };
    }

    /// <summary>An email address as stored (and compared): trimmed, lower case.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A passport number as stored (and compared): trimmed, upper case.</summary>
    public static string NormalisePassport(string passport) => passport.Trim().ToUpperInvariant();
}
