using Ksst.Contracts.Registration.V1;
using Ksst.Registration.Data;
using Ksst.Registration.Demo;
using Batch = Ksst.Registration.Batches.Batch;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;
using Nomination = Ksst.Registration.Nominations.Nomination;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>Registration's database with an open batch "b" (April 2027) of the KSST programme, for the audit log's tests.</summary>
internal static class RegistrationAudit
{
    public const string Nominate = "/ksst.registration.v1.Nominations/Nominate";
    public const string Accept = "/ksst.registration.v1.Nominations/AcceptNomination";
    public const string UpdateBatch = "/ksst.registration.v1.Programmes/UpdateBatch";

    /// <summary>A migrated database holding the programme and batch <paramref name="batchIds"/> (default "b").</summary>
    public static async Task<AuditDatabase<RegistrationDbContext>> WithOpenBatchAsync(params string[] batchIds)
    {
        var database = new AuditDatabase<RegistrationDbContext>("registration");
        var number = 90;
        await database.RunAsync(db =>
        {
            db.Programmes.Add(KsstProgrammeHistory.Programme());
            foreach (var id in batchIds.Length == 0 ? ["b"] : batchIds)
            {
                db.Batches.Add(OpenBatch(id, number++, database.Clock.GetUtcNow()));
            }
            return Task.CompletedTask;
        });
        return database;
    }

    private static Batch OpenBatch(string id, int number, DateTimeOffset now) => new()
    {
        Id = id, ProgrammeId = KsstProgrammeHistory.ProgrammeId, Number = number, Theme = "Audit",
        StartDate = new DateOnly(2027, 4, 1), EndDate = new DateOnly(2027, 4, 12), Capacity = 20, CountryQuota = 20,
        NominationDeadline = now.AddDays(20), Status = BatchStatus.Open,
    };

    /// <summary>A nomination to <paramref name="batchId"/> with every personal field filled.</summary>
    public static Nomination Nomination(string batchId, string passport, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), BatchId = batchId, FullName = "Kumari Wijesinghe", Email = "kumari.wijesinghe@industry.gov.lk",
        Nationality = "LK", Gender = "female", Phone = "+94 77 123 4567", PassportNumber = passport, PassportExpiry = new DateOnly(2031, 5, 6),
        Organisation = "Ministry of Industry", Position = "Deputy Director", PreferredLanguage = "en", DietaryNeeds = "Vegetarian, no eggs",
        AccessibilityNeeds = "Step-free access", NominatingCountry = "LK", AgencyContactName = "Ruwan Silva", AgencyContactEmail = "ruwan.silva@erd.gov.lk",
        NominatedAt = at, StatusChangedAt = at,
    };

    /// <summary>A valid request to nominate a new person to batch "b".</summary>
    public static NominateRequest Request(string passport, string email) => new()
    {
        BatchId = "b",
        NominatingCountry = "LK",
        Participant = new Participant
        {
            FullName = "Nimal Perera", Email = email, Nationality = "LK", Organisation = "Ministry of Industry", Position = "Director",
            PreferredLanguage = "en", PassportNumber = passport, PassportExpiry = "2030-12-31", Phone = "+94 11 2345678",
            ArrivalDate = "2027-03-31", DepartureDate = "2027-04-13",
        },
    };
}
