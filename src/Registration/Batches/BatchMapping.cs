using Google.Protobuf.WellKnownTypes;
using Ksst.Registration.Nominations;
using Api = Ksst.Contracts.Registration.V1;

namespace Ksst.Registration.Batches;

/// <summary>Maps batches to and from their API messages.</summary>
internal static class BatchMapping
{
    public static Api.Batch ToApi(this Batch b, int seatsTaken) => new()
    {
        BatchId = b.Id,
        ProgrammeId = b.ProgrammeId,
        Number = b.Number,
        Theme = b.Theme,
        HostCities = { b.HostCities },
        StartDate = IsoDate.Format(b.StartDate),
        EndDate = IsoDate.Format(b.EndDate),
        TimeZone = b.TimeZone,
        Capacity = b.Capacity,
        CountryQuota = b.CountryQuota,
        NominationDeadline = Timestamp.FromDateTimeOffset(b.NominationDeadline),
        EligibleCountries = { b.EligibleCountries },
        Status = (Api.BatchStatus)(int)b.Status,
        AdmitOnArrival = b.AdmitOnArrival,
        SeatsTaken = seatsTaken,
        RecordedParticipants = b.RecordedParticipants,
    };

    /// <summary>Copies the plan of a validated request onto <paramref name="b"/>.</summary>
    public static void ApplyPlan(this Batch b, Api.Batch plan)
    {
        b.Theme = plan.Theme.Trim();
        b.HostCities = plan.HostCities.Select(c => c.Trim()).ToList();
        IsoDate.TryParse(plan.StartDate, out var start);
        IsoDate.TryParse(plan.EndDate, out var end);
        b.StartDate = start;
        b.EndDate = end;
        b.TimeZone = plan.TimeZone.Length > 0 ? plan.TimeZone : "Asia/Jakarta";
        b.Capacity = plan.Capacity;
        b.CountryQuota = plan.CountryQuota;
        b.NominationDeadline = plan.NominationDeadline.ToDateTimeOffset();
        b.EligibleCountries = plan.EligibleCountries.Distinct().ToList();
        b.AdmitOnArrival = plan.AdmitOnArrival;
    }
}
