using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ksst.Platform.Sqlite;

/// <summary>
/// Per-connection SQLite settings: WAL so readers never block the writer, NORMAL sync (durable
/// at checkpoints, safe with WAL), a busy timeout instead of Microsoft.Data.Sqlite's flat retry
/// wait when another connection holds the write lock, and foreign keys. They belong to the
/// physical connection, which Microsoft.Data.Sqlite pools and hands out again on every open, so
/// they are set once per physical connection (its native handle), not on every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    // Keyed by the native handle: an entry lives as long as the physical connection it describes.
    private readonly ConditionalWeakTable<object, object> _configured = new();
    private int _applied;

    /// <summary>How many times the settings were applied (once per physical connection).</summary>
    public int Applied => Volatile.Read(ref _applied);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Configured(connection);
    }

    private bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);

    private void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, this);
        }
        Interlocked.Increment(ref _applied);
    }
}
