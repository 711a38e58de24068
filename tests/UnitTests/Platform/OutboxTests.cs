using System.Diagnostics;
using Ksst.Contracts.Events;
using Ksst.Platform.Outbox;
using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Ksst.UnitTests.Platform;

/// <summary>The outbox against a real SQLite file: the event commits with the state, or neither does.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-outbox-{Guid.NewGuid():N}.db");

    private RegistrationDbContext NewContext()
    {
        var db = new RegistrationDbContext(new DbContextOptionsBuilder<RegistrationDbContext>()
            .UseSqlite($"Data Source={_file};Pooling=False").Options);
        db.Database.Migrate();
        return db;
    }

    private static Nomination NominationTo(string batch, Guid id) => new()
    {
        Id = id, BatchId = batch, FullName = "Dorji Wangmo", Email = "dorji@moea.gov.bt",
        Nationality = "BT", NominatingCountry = "BT", PreferredLanguage = "en", PassportNumber = "BT1234567",
    };

    private static ParticipantNominated EventFor(Nomination n) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, n.BatchId, n.Id, n.NominatingCountry, n.PreferredLanguage, n.Version);

    [Fact]
    public void The_event_is_stored_with_the_state_change_and_the_trace_it_happened_in()
    {
        using var db = NewContext();
        db.Programmes.Add(Ksst.Registration.Demo.KsstProgrammeHistory.Programme());
        db.Batches.AddRange(Ksst.Registration.Demo.KsstProgrammeHistory.Batches());
        db.SaveChanges();
        using var activity = new Activity("nominate").SetIdFormat(ActivityIdFormat.W3C).Start();

        var nomination = NominationTo("ksst-sme-2018", Guid.NewGuid());
        db.Nominations.Add(nomination);
        var evt = EventFor(nomination);
        db.AddEvent(evt);
        db.SaveChanges();

        using var read = NewContext();
        var row = read.Set<OutboxMessage>().Single();
        Assert.Equal(evt.EventId, row.Id);
        Assert.Equal(typeof(ParticipantNominated).FullName, row.Type);
        Assert.Equal(activity.Id, row.TraceParent);
        Assert.Null(row.PublishedAt);
        Assert.Contains("\"nominationId\":\"" + nomination.Id, row.Payload);
    }

    [Fact]
    public void A_failed_state_change_leaves_no_event_behind()
    {
        using var db = NewContext();
        // The batch does not exist: the foreign key fails the whole transaction.
        var nomination = NominationTo("no-such-batch", Guid.NewGuid());
        db.Nominations.Add(nomination);
        db.AddEvent(EventFor(nomination));

        Assert.Throws<DbUpdateException>(() => db.SaveChanges());

        using var read = NewContext();
        Assert.Empty(read.Set<OutboxMessage>());
        Assert.Empty(read.Nominations);
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(5, 8000)]
    [InlineData(7, 30000)]
    [InlineData(60, 30000)]
    public void Publish_retries_back_off_exponentially_up_to_a_cap(int attempts, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), OutboxBackoff.After(attempts));

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
