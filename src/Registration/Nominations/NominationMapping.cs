using Google.Protobuf.WellKnownTypes;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Nominations;

/// <summary>Maps stored nominations to their API messages.</summary>
internal static class NominationMapping
{
    public static Api.Nomination ToApi(this Nomination n) => new()
    {
        NominationId = n.Id.ToString(),
        BatchId = n.BatchId,
        NominatingCountry = n.NominatingCountry,
        Status = (Api.NominationStatus)(int)n.Status,
        NominatedAt = Timestamp.FromDateTimeOffset(n.NominatedAt),
        Participant = new Api.Participant
        {
            FullName = n.FullName,
            Email = n.Email,
            Nationality = n.Nationality,
            Organisation = n.Organisation,
            Position = n.Position,
            PreferredLanguage = n.PreferredLanguage,
        },
    };
}
