using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ksst.Platform.Sqlite;

/// <summary>A service's own SQLite database, its one write path and its migrations at start.</summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the SQLite file named by the connection
    /// string <paramref name="connectionName"/> (default: data/<c>connectionName</c>.db under the
    /// content root), its <see cref="UnitOfWork{TContext}"/>, and migrates it at start. Every
    /// <see cref="IInterceptor"/> registered in the container (the outbox's, for one) joins the context.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", connectionName + ".db")}";
        EnsureDirectory(connectionString);

        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<IInterceptor, SqlitePragmas>();
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(services.GetServices<IInterceptor>()));
        builder.Services.AddScoped(services => new UnitOfWork<TContext>(
            services.GetRequiredService<TContext>(),
            services.GetRequiredService<SqliteWriteGate>(),
            services.GetRequiredService<ILogger<UnitOfWork<TContext>>>()));

        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
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
