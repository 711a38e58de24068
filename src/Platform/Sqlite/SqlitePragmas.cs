using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ksst.Platform.Sqlite;

/// <summary>
/// Per-connection SQLite settings: WAL so readers never block the writer, NORMAL sync (durable
/// at checkpoints, safe with WAL), and a busy timeout instead of Microsoft.Data.Sqlite's flat
/// retry wait when another connection holds the write lock.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
