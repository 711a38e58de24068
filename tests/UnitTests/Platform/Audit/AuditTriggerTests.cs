using Ksst.Notifications.Data;
using Ksst.Platform.Audit;
using Ksst.Registration.Data;
using Ksst.Scheduling.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ksst.UnitTests.Platform.Audit;

/// <summary>
/// The database itself keeps the log append-only: after each service's migrations, an UPDATE or
/// DELETE of audit_entries is refused whoever issues it, while entries are still added.
/// </summary>
public sealed class AuditTriggerTests
{
    private const string Insert =
        "INSERT INTO audit_entries (At, ActorSubject, ActorRole, ActorClientId, Rpc, ResourceType, ResourceId, BatchId, Change, Before, After) " +
        "VALUES (0, 'organiser-7', 'organiser', 'ksst-cli', '/x.v1.S/M', 'batch', 'b', 'b', 'Modified', '{\"capacity\":20}', '{\"capacity\":30}')";

    [Theory]
    [InlineData("registration")]
    [InlineData("scheduling")]
    [InlineData("notifications")]
    public Task Updates_and_deletes_of_entries_are_refused_by_the_database(string service) => service switch
    {
        "registration" => RefusedAsync<RegistrationDbContext>(service),
        "scheduling" => RefusedAsync<SchedulingDbContext>(service),
        _ => RefusedAsync<NotificationsDbContext>(service),
    };

    private static async Task RefusedAsync<TContext>(string service) where TContext : DbContext
    {
        await using var db = new AuditDatabase<TContext>(service);
        Assert.Equal(1, await db.ExecuteAsync(Insert));
        Assert.Equal(1, await db.ExecuteAsync(Insert));

        foreach (var sql in new[]
        {
            "UPDATE audit_entries SET After = '{\"capacity\":99}'",
            "UPDATE audit_entries SET ActorSubject = 'someone-else' WHERE Id = 1",
            "DELETE FROM audit_entries WHERE Id = 2",
            "DELETE FROM audit_entries",
        })
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteAsync(sql));
            Assert.Contains(AuditTriggers.Refusal, refused.Message, StringComparison.Ordinal);
        }

        var rows = await db.RawEntriesAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains("organiser-7 | organiser | ksst-cli", row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Contains("{\"capacity\":30}", row, StringComparison.Ordinal));
    }
}
