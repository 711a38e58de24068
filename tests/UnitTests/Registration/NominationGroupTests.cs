using System.Diagnostics;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.Platform.Audit;
using Ksst.Platform.Outbox;
using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Microsoft.EntityFrameworkCore;
using Batch = Ksst.Registration.Batches.Batch;
using BatchStatus = Ksst.Registration.Batches.BatchStatus;
using Nomination = Ksst.Registration.Nominations.Nomination;
using NominationStatus = Ksst.Registration.Nominations.NominationStatus;

namespace Ksst.UnitTests.Registration;

/// <summary>
/// Group commit's rules against a real SQLite file: every nomination of a group is judged as if
/// it were alone, in order of arrival, also against the ones before it in the group.
/// </summary>
public sealed class NominationGroupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 3, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-group-{Guid.NewGuid():N}.db");

    private RegistrationDbContext NewContext()
    {
        var db = new RegistrationDbContext(new DbContextOptionsBuilder<RegistrationDbContext>()
            .UseSqlite($"Data Source={_file};Pooling=False").Options);
        db.Database.Migrate();
        return db;
    }

    private RegistrationDbContext WithOpenBatch(int capacity, bool admitOnArrival)
    {
        var db = NewContext();
        db.Programmes.Add(Ksst.Registration.Demo.KsstProgrammeHistory.Programme());
        db.Batches.Add(new Batch
        {
            Id = "b", ProgrammeId = Ksst.Registration.Demo.KsstProgrammeHistory.ProgrammeId, Number = 99, Theme = "Test",
            StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 12), Capacity = capacity, CountryQuota = capacity,
            NominationDeadline = Now.AddDays(20), Status = BatchStatus.Open, AdmitOnArrival = admitOnArrival,
        });
        db.SaveChanges();
        return db;
    }

    private static PendingNomination Pending(string passport, string email, string requestId = "", Activity? caller = null) => new(new NominateRequest
    {
        BatchId = "b",
        NominatingCountry = "LK",
        RequestId = requestId,
        Participant = new Participant
        {
            FullName = "Nimal Perera", Email = email, Nationality = "LK", Organisation = "Ministry of Industry", Position = "Director",
            PreferredLanguage = "en", PassportNumber = passport, PassportExpiry = "2030-12-31", Phone = "+94 11 2345678",
            ArrivalDate = "2027-02-28", DepartureDate = "2027-03-13",
        },
    }, caller, new AuditActor("demo-agency-lk", "agency", "demo-agency-lk", "/ksst.registration.v1.Nominations/Nominate"));

    private static async Task<IReadOnlyList<Nomination>> CommitAsync(RegistrationDbContext db, IReadOnlyList<PendingNomination> group)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var staged = await new NominationGroup(db, Now).StageAsync(group, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return staged.Select(s => s.Nomination).ToList();
    }

    [Fact]
    public async Task Repeats_within_the_group_are_refused_like_repeats_already_stored()
    {
        using var db = WithOpenBatch(capacity: 20, admitOnArrival: false);
        await CommitAsync(db, [Pending("N1000001", "stored@agency.lk")]);
        var group = new[]
        {
            Pending("n1000001 ", "new@agency.lk"),       // the stored passport, written differently
            Pending("N2000002", "Stored@Agency.lk"),     // the stored email
            Pending("N3000003", "first@agency.lk"),
            Pending("N3000003", "second@agency.lk"),     // the passport of the one before
            Pending("N4000004", "first@agency.lk"),      // the email of the one before that
            Pending("N5000005", "fifth@agency.lk"),
        };

        var stored = await CommitAsync(db, group);

        Assert.Equal(["N3000003", "N5000005"], stored.Select(n => n.PassportNumber));
        foreach (var refused in new[] { group[0], group[1], group[3], group[4] })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => refused.Outcome.Task);
            Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        }
        using var read = NewContext();
        Assert.Equal(3, await read.Nominations.CountAsync());
    }

    [Fact]
    public async Task Seats_go_in_order_of_arrival_and_the_order_is_kept_in_the_times()
    {
        using var db = WithOpenBatch(capacity: 2, admitOnArrival: true);
        var group = Enumerable.Range(1, 4).Select(i => Pending($"S{i}000000", $"p{i}@agency.lk")).ToList();

        var stored = await CommitAsync(db, group);

        Assert.Equal([NominationStatus.Accepted, NominationStatus.Accepted, NominationStatus.Waitlisted, NominationStatus.Waitlisted], stored.Select(n => n.Status));
        Assert.True(stored.Zip(stored.Skip(1)).All(pair => pair.First.NominatedAt < pair.Second.NominatedAt));
    }

    [Fact]
    public async Task A_repeated_request_id_gets_the_first_nomination_and_each_event_keeps_its_callers_trace()
    {
        using var db = WithOpenBatch(capacity: 20, admitOnArrival: false);
        using var first = new Activity("nominate 1").SetIdFormat(ActivityIdFormat.W3C).Start();
        first.Stop();
        using var second = new Activity("nominate 2").SetIdFormat(ActivityIdFormat.W3C).Start();
        second.Stop();
        var group = new[] { Pending("R1000001", "r1@agency.lk", "retry-1", first), Pending("R1000001", "r1@agency.lk", "retry-1", second), Pending("R2000002", "r2@agency.lk", "", second) };

        var stored = await CommitAsync(db, group);

        Assert.Same(stored[0], stored[1]);
        using var read = NewContext();
        var traces = read.Set<OutboxMessage>().Select(m => m.TraceParent).ToList();
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), traces.Order(StringComparer.Ordinal));
        Assert.Equal(2, await read.Nominations.CountAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
