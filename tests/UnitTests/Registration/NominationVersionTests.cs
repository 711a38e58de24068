using System.Text.Json;
using Ksst.Contracts.Registration.V1;
using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Microsoft.EntityFrameworkCore;
using Batch = Ksst.Registration.Batches.Batch;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;
using NominationStatus = Ksst.Registration.Nominations.NominationStatus;

namespace Ksst.UnitTests.Registration;

/// <summary>A nomination's version, over a real SQLite file: 1 when nominated, one more at each move, and every event carries the version it made.</summary>
public sealed class NominationVersionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 3, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-version-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Admitted_on_arrival_it_is_nominated_at_1_and_accepted_at_2_in_the_same_instant()
    {
        await using var db = WithOpenBatch();
        var staged = await new NominationGroup(db, Now).StageAsync([Pending()], CancellationToken.None);
        await db.SaveChangesAsync();

        var nomination = Assert.Single(staged).Nomination;
        Assert.Equal((NominationStatus.Accepted, 2L), (nomination.Status, nomination.Version));
        Assert.Equal([("ParticipantNominated", 1L, Now), ("ParticipantAccepted", 2L, Now)], await EventsAsync());
    }

    [Fact]
    public async Task Each_move_takes_the_next_version_whatever_the_clock_says()
    {
        await using var db = WithOpenBatch();
        var nomination = Assert.Single(await new NominationGroup(db, Now).StageAsync([Pending()], CancellationToken.None)).Nomination;
        await db.SaveChangesAsync();

        var clockSteppedBack = Now.AddHours(-3);
        NominationCommands.Move(db, nomination, NominationStatus.Confirmed, "", clockSteppedBack);
        NominationCommands.Move(db, nomination, NominationStatus.Withdrawn, "", clockSteppedBack);
        await db.SaveChangesAsync();

        Assert.Equal(4L, nomination.Version);
        Assert.Equal(
            [("ParticipantNominated", 1L, Now), ("ParticipantAccepted", 2L, Now), ("ParticipantConfirmed", 3L, clockSteppedBack), ("ParticipantWithdrawn", 4L, clockSteppedBack)],
            await EventsAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>The staged events by version: their type, version and time.</summary>
    private async Task<List<(string Type, long Version, DateTimeOffset At)>> EventsAsync()
    {
        await using var read = NewContext();
        var rows = await read.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return rows
            .Select(m => (Row: m, Json: JsonDocument.Parse(m.Payload).RootElement))
            .Select(x => (x.Row.Type.Split('.')[^1], x.Json.GetProperty("version").GetInt64(), x.Json.GetProperty("occurredAt").GetDateTimeOffset()))
            .OrderBy(e => e.Item2)
            .ToList();
    }

    private RegistrationDbContext NewContext()
    {
        var db = new RegistrationDbContext(new DbContextOptionsBuilder<RegistrationDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        db.Database.Migrate();
        return db;
    }

    private RegistrationDbContext WithOpenBatch()
    {
        var db = NewContext();
        db.Programmes.Add(Ksst.Registration.Demo.KsstProgrammeHistory.Programme());
        db.Batches.Add(new Batch
        {
            Id = "b", ProgrammeId = Ksst.Registration.Demo.KsstProgrammeHistory.ProgrammeId, Number = 99, Theme = "Test",
            StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 12), Capacity = 5, CountryQuota = 5,
            NominationDeadline = Now.AddDays(20), Status = BatchStatus.Open, AdmitOnArrival = true,
        });
        db.SaveChanges();
        return db;
    }

    private static PendingNomination Pending() => new(new NominateRequest
    {
        BatchId = "b",
        NominatingCountry = "LK",
        Participant = new Participant
        {
            FullName = "Nimal Perera", Email = "nimal@agency.lk", Nationality = "LK", Organisation = "Ministry of Industry", Position = "Director",
            PreferredLanguage = "en", PassportNumber = "N1000001", PassportExpiry = "2030-12-31", Phone = "+94 11 2345678",
            ArrivalDate = "2027-02-28", DepartureDate = "2027-03-13",
        },
    }, null, new AuditActor("demo-agency-lk", "agency", "demo-agency-lk", "/ksst.registration.v1.Nominations/Nominate"));
}
