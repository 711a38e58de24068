using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.Outbox;

/// <summary>A service's own SQLite database, its outbox relay and its migrations at start.</summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the SQLite file named by the connection
    /// string <paramref name="connectionName"/> (default: data/<c>connectionName</c>.db under the
    /// content root), migrates it at start and relays its outbox to the broker.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", connectionName + ".db")}";
        EnsureDirectory(connectionString);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<OutboxTransactionInterceptor>();
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(
                services.GetRequiredService<SqlitePragmas>(),
                services.GetRequiredService<OutboxSaveChangesInterceptor>(),
                services.GetRequiredService<OutboxTransactionInterceptor>()));

        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    private static void EnsureDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
