using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>Maps stored nominations to their API messages; phone and passport never leave unmasked.</summary>
internal static class NominationMapping
{
    public static Api.Nomination ToApi(this Nomination n) => new()
    {
        NominationId = n.Id.ToString(),
        BatchId = n.BatchId,
        NominatingCountry = n.NominatingCountry,
        Status = (Api.NominationStatus)(int)n.Status,
        NominatedAt = Timestamp.FromDateTimeOffset(n.NominatedAt),
        StatusChangedAt = Timestamp.FromDateTimeOffset(n.StatusChangedAt),
        Version = n.Version,
        AgencyContact = new Api.AgencyContact { Name = n.AgencyContactName, Email = n.AgencyContactEmail },
        Participant = new Api.Participant
        {
            FullName = n.FullName,
            Email = n.Email,
            Nationality = n.Nationality,
            Organisation = n.Organisation,
            Position = n.Position,
            PreferredLanguage = n.PreferredLanguage,
            Gender = n.Gender,
            PassportExpiry = IsoDate.Format(n.PassportExpiry),
            PassportNumberMasked = Mask(n.PassportNumber),
            DietaryNeeds = n.DietaryNeeds,
            AccessibilityNeeds = n.AccessibilityNeeds,
            ArrivalDate = IsoDate.Format(n.ArrivalDate),
            DepartureDate = IsoDate.Format(n.DepartureDate),
        },
    };

    /// <summary>"N1234567" → "*****567".</summary>
    public static string Mask(string value) =>
        value.Length <= 3 ? new string('*', value.Length) : new string('*', value.Length - 3) + value[^3..];
}
