using System.Text.Json;
using Ksst.Platform.Audit;
using Ksst.Registration.Data;
using Ksst.Registration.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ksst.UnitTests.Platform.Audit.RegistrationAudit;
using NominationStatus = Ksst.Registration.Nominations.NominationStatus;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>
/// What a change writes to the audit log, against Registration's real database: who, when, which
/// RPC, which resource and batch, the changed fields before and after, in the change's own
/// transaction, with personal data masked.
/// </summary>
public sealed class AuditRecordingTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private AuditDatabase<RegistrationDbContext> _db = null!;

    public async Task InitializeAsync() => _db = await WithOpenBatchAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private static JsonElement Json(string? text) => JsonDocument.Parse(text ?? "null").RootElement;

    private static string[] Names(string? json) => [.. Json(json).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_change_in_a_call_records_the_caller_the_rpc_the_time_the_resource_and_its_batch()
    {
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        using (_db.Call(UpdateBatch, "organiser-7", "organiser", "ksst-cli"))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync(b => b.Id == "b")).Capacity = 30).WaitAsync(Timeout);
        }

        var entry = (await _db.EntriesAsync()).Last();
        Assert.Equal(("organiser-7", "organiser", "ksst-cli", UpdateBatch), (entry.ActorSubject, entry.ActorRole, entry.ActorClientId, entry.Rpc));
        Assert.Equal(("batch", "b", "b", AuditChange.Modified), (entry.ResourceType, entry.ResourceId, entry.BatchId, entry.Change));
        Assert.Equal(_db.Clock.GetUtcNow(), entry.At);
        Assert.Equal("""{"capacity":20}""", entry.Before);
        Assert.Equal("""{"capacity":30}""", entry.After);
    }

    [Fact]
    public async Task A_rolled_back_unit_of_work_leaves_no_entry_and_the_next_one_records_only_its_own_change()
    {
        var before = (await _db.EntriesAsync()).Count;
        var (scope, db, unitOfWork) = _db.Open();
        await using (scope)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => unitOfWork.RunAsync(async _ =>
            {
                (await db.Batches.SingleAsync(b => b.Id == "b")).Capacity = 99;
                await db.SaveChangesAsync(); // the entry is written inside the transaction, then rolled back
                db.Nominations.Add(Nomination("b", "R1234567", _db.Clock.GetUtcNow()));
                throw new InvalidOperationException("the rule refused");
            }, CancellationToken.None)).WaitAsync(Timeout);
            Assert.Equal(before, (await _db.EntriesAsync()).Count);

            await unitOfWork.RunAsync(async _ => (await db.Batches.SingleAsync(b => b.Id == "b")).Theme = "Renamed", CancellationToken.None).WaitAsync(Timeout);
        }

        var entries = await _db.EntriesAsync();
        var only = Assert.Single(entries.Skip(before));
        Assert.Equal(("batch", """{"theme":"Audit"}""", """{"theme":"Renamed"}"""), (only.ResourceType, only.Before, only.After));
        Assert.DoesNotContain(entries, e => e.After?.Contains("\"capacity\":99", StringComparison.Ordinal) == true || e.ResourceType == "nomination");
    }

    [Fact]
    public async Task Accepting_a_nomination_records_its_status_before_and_after_and_only_the_fields_that_changed()
    {
        var nomination = Nomination("b", "N4455667", _db.Clock.GetUtcNow());
        using (_db.Call(Nominate, "demo-agency-lk", "agency", "demo-agency-lk"))
        {
            await _db.RunAsync(db => { db.Nominations.Add(nomination); return Task.CompletedTask; }).WaitAsync(Timeout);
        }
        _db.Clock.Advance(TimeSpan.FromHours(1));

        using (_db.Call(Accept, "organiser-7", "organiser", "ksst-cli"))
        {
            await using var scope = _db.Services.CreateAsyncScope();
            var commands = ActivatorUtilities.CreateInstance<NominationCommands>(scope.ServiceProvider);
            var organiser = new Ksst.ServiceDefaults.Access.Caller("organiser-7", "ksst-cli", Ksst.ServiceDefaults.Access.Role.Organiser, new HashSet<string> { "*" }, null, null);
            await commands.ChangeAsync(nomination.Id, NominationStatus.Accepted, "Strong profile", organiser, CancellationToken.None).WaitAsync(Timeout);
        }

        var entries = (await _db.EntriesAsync()).Where(e => e.ResourceType == "nomination" && e.ResourceId == nomination.Id.ToString()).ToList();
        Assert.Equal([AuditChange.Added, AuditChange.Modified], entries.Select(e => e.Change));
        Assert.Equal(("demo-agency-lk", Nominate), (entries[0].ActorSubject, entries[0].Rpc));
        var accepted = entries[1];
        Assert.Equal(("organiser-7", Accept, "b"), (accepted.ActorSubject, accepted.Rpc, accepted.BatchId));
        Assert.Equal(["status", "statusChangedAt", "statusReason", "version"], Names(accepted.Before));
        Assert.Equal(Names(accepted.Before), Names(accepted.After));
        Assert.Equal(("Nominated", "Accepted"), (Json(accepted.Before).GetProperty("status").GetString(), Json(accepted.After).GetProperty("status").GetString()));
        Assert.Equal((1, 2), (Json(accepted.Before).GetProperty("version").GetInt32(), Json(accepted.After).GetProperty("version").GetInt32()));
        Assert.Equal("Strong profile", Json(accepted.After).GetProperty("statusReason").GetString());
        Assert.Null(entries[0].Before);
        Assert.Equal("Nominated", Json(entries[0].After).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Personal_data_is_masked_in_every_entry_and_no_passport_number_is_anywhere_in_the_log()
    {
        var nomination = Nomination("b", "P7316452Q", _db.Clock.GetUtcNow());
        await _db.RunAsync(db => { db.Nominations.Add(nomination); return Task.CompletedTask; }).WaitAsync(Timeout);
        await _db.RunAsync(async db =>
        {
            var stored = await db.Nominations.SingleAsync(n => n.Id == nomination.Id);
            stored.PassportNumber = "P9988776Z";
            stored.Phone = "+94 71 999 0000";
            stored.Email = "kumari@mail.example.lk";
            stored.DietaryNeeds = "";
            stored.Organisation = "Export Development Board";
        }).WaitAsync(Timeout);
        await _db.RunAsync(async db => db.Nominations.Remove(await db.Nominations.SingleAsync(n => n.Id == nomination.Id))).WaitAsync(Timeout);

        var entries = (await _db.EntriesAsync()).Where(e => e.ResourceType == "nomination").ToList();
        Assert.Equal([AuditChange.Added, AuditChange.Modified, AuditChange.Deleted], entries.Select(e => e.Change));
        foreach (var masked in new[] { "fullName", "email", "gender", "phone", "passportNumber", "passportExpiry", "position", "dietaryNeeds", "accessibilityNeeds", "agencyContactName", "agencyContactEmail" })
        {
            Assert.Equal(AuditValues.Masked, Json(entries[0].After).GetProperty(masked).GetString());
            Assert.Equal(AuditValues.Masked, Json(entries[2].Before).GetProperty(masked).GetString());
        }
        // The change shows which personal fields changed, not their values; other fields show both.
        Assert.Equal(["dietaryNeeds", "email", "organisation", "passportNumber", "phone"], Names(entries[1].After));
        Assert.Equal(AuditValues.Masked, Json(entries[1].Before).GetProperty("passportNumber").GetString());
        Assert.Equal(AuditValues.Masked, Json(entries[1].After).GetProperty("passportNumber").GetString());
        Assert.Equal(("Ministry of Industry", "Export Development Board"),
            (Json(entries[1].Before).GetProperty("organisation").GetString(), Json(entries[1].After).GetProperty("organisation").GetString()));

        string[] secrets = ["P7316452Q", "P9988776Z", "7316452", "9988776", "Kumari", "Wijesinghe", "kumari", "123 4567", "999 0000", "industry.gov.lk", "mail.example.lk",
            "Vegetarian", "Step-free", "Ruwan", "erd.gov.lk", "Deputy Director", "2031-05-06", "female"];
        var rows = await _db.RawEntriesAsync();
        Assert.NotEmpty(rows);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(rows, row => row.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Outside_a_call_the_service_is_the_actor_and_the_work_it_was_doing_the_rpc()
    {
        using (AuditCause.Begin("consume registration-test-queue"))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync()).Theme = "By a consumer").WaitAsync(Timeout);
        }
        await _db.RunAsync(async db => (await db.Batches.SingleAsync()).Theme = "By nothing named").WaitAsync(Timeout);
        using (_db.Call(UpdateBatch, subject: null, role: null, clientId: null))
        {
            await _db.RunAsync(async db => (await db.Batches.SingleAsync()).Theme = "By an anonymous call").WaitAsync(Timeout);
        }

        var entries = await _db.EntriesAsync();
        Assert.Equal(
            [("service:registration", "service", "registration", "consume registration-test-queue"),
             ("service:registration", "service", "registration", AuditActors.UnnamedWork),
             (AuditActors.Anonymous, AuditActors.Anonymous, "", UpdateBatch)],
            entries.TakeLast(3).Select(e => (e.ActorSubject, e.ActorRole, e.ActorClientId, e.Rpc)));
    }

    [Fact]
    public async Task The_caller_is_read_from_the_calls_own_services_also_when_its_current_call_is_scoped()
    {
        await using var scoped = new AuditDatabase<RegistrationDbContext>("registration", scopedCurrentCall: true);
        using (scoped.Call(UpdateBatch, "organiser-7", "organiser", "ksst-cli"))
        {
            await scoped.RunAsync(db =>
            {
                db.Programmes.Add(Ksst.Registration.Demo.KsstProgrammeHistory.Programme());
                return Task.CompletedTask;
            }).WaitAsync(Timeout);
        }
        await scoped.RunAsync(async db => (await db.Programmes.SingleAsync()).Name = "Renamed").WaitAsync(Timeout);

        Assert.Equal([("organiser-7", UpdateBatch), ("service:registration", AuditActors.UnnamedWork)],
            (await scoped.EntriesAsync()).Select(e => (e.ActorSubject, e.Rpc)));
    }

    [Fact]
    public async Task A_group_commit_records_each_nomination_as_made_by_its_own_caller()
    {
        var lk = new AuditActor("demo-agency-lk", "agency", "demo-agency-lk", Nominate);
        var np = new AuditActor("demo-agency-np", "agency", "demo-agency-np", Nominate);
        PendingNomination[] group =
        [
            new(Request("G1000001", "first@agency.lk"), null, lk),
            new(Request("G1000002", "second@agency.lk"), null, np),
        ];

        await _db.RunAsync(db => new NominationGroup(db, _db.Clock.GetUtcNow()).StageAsync(group, CancellationToken.None)).WaitAsync(Timeout);

        var added = (await _db.EntriesAsync()).Where(e => e.ResourceType == "nomination").ToList();
        Assert.Equal(["demo-agency-lk", "demo-agency-np"], added.Select(e => e.ActorSubject));
        Assert.All(added, e => Assert.Equal((AuditChange.Added, Nominate, "b"), (e.Change, e.Rpc, e.BatchId)));
    }

    [Fact]
    public async Task Entries_cannot_be_changed_removed_or_written_through_the_context()
    {
        var (scope, db, _) = _db.Open();
        await using (scope)
        {
            var entry = await db.Set<AuditEntry>().FirstAsync();
            db.Entry(entry).Property(e => e.Rpc).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync()).WaitAsync(Timeout);
            db.ChangeTracker.Clear();

            db.Set<AuditEntry>().Remove(await db.Set<AuditEntry>().FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync()).WaitAsync(Timeout);
            db.ChangeTracker.Clear();

            db.Set<AuditEntry>().Add(new AuditEntry
            {
                ActorSubject = "forger", ActorRole = "ops", ActorClientId = "x", Rpc = "none", ResourceType = "batch", ResourceId = "b", Change = AuditChange.Deleted,
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync()).WaitAsync(Timeout);
        }
        Assert.DoesNotContain(await _db.EntriesAsync(), e => e.Rpc is "rewritten" or "none");
    }
}
