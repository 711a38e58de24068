using Microsoft.Data.Sqlite;

namespace Ksst.FaultRun.Observations;

/// <summary>
/// The outbox of every service that has one, read straight from its SQLite file (read-only, beside
/// the running service): rows not yet published, and the oldest of them.
/// </summary>
public static class OutboxRows
{
    /// <summary>Each service database under <paramref name="dataRoot"/> with an outbox, and its unpublished rows.</summary>
    public static async Task<IReadOnlyList<OutboxState>> ReadAsync(string dataRoot, CancellationToken ct)
    {
        var states = new List<OutboxState>();
        foreach (var file in Directory.EnumerateFiles(dataRoot, "*.db").Order(StringComparer.Ordinal))
        {
            await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await db.OpenAsync(ct);
            await using (var busy = db.CreateCommand())
            {
                busy.CommandText = "PRAGMA busy_timeout = 5000";
                await busy.ExecuteNonQueryAsync(ct);
            }
            await using var exists = db.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox_messages'";
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                continue;
            }
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT COUNT(*), COALESCE(SUM(PublishedAt IS NULL), 0), MIN(CASE WHEN PublishedAt IS NULL THEN Type END) FROM outbox_messages";
            await using var reader = await count.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            states.Add(new OutboxState(Path.GetFileNameWithoutExtension(file), reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return states;
    }
}

/// <summary>One service's outbox.</summary>
/// <param name="Service">The service, from its database file's name.</param>
/// <param name="Rows">Rows held (published ones may be pruned).</param>
/// <param name="Unpublished">Rows without a broker confirmation.</param>
/// <param name="AnUnpublishedType">The event type of one unpublished row, for the report.</param>
public sealed record OutboxState(string Service, long Rows, long Unpublished, string? AnUnpublishedType);
