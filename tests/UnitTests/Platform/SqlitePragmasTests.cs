using Ksst.Platform.Sqlite;
using Ksst.Scheduling.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.UnitTests.Platform;

/// <summary>The connection settings hold on every open, and are applied once per physical connection, not once per open.</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-pragmas-{Guid.NewGuid():N}.db");

    private ServiceProvider Services(bool pooling)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:test-db", $"Data Source={_file};Pooling={pooling}")]);
        builder.AddServiceDatabase<SchedulingDbContext>("test-db");
        return builder.Services.BuildServiceProvider();
    }

    private static async Task<(long BusyTimeout, long ForeignKeys, string Journal)> SettingsSeenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            async Task<object?> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name};";
                return await command.ExecuteScalarAsync();
            }
            return ((long)(await Pragma("busy_timeout"))!, (long)(await Pragma("foreign_keys"))!, (string)(await Pragma("journal_mode"))!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 10)]
    public async Task Every_open_has_the_settings_and_a_pooled_connection_gets_them_once(bool pooling, int applied)
    {
        await using var services = Services(pooling);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((5000L, 1L, "wal"), await SettingsSeenAsync(services));
        }
        Assert.Equal(applied, services.GetServices<IInterceptor>().OfType<SqlitePragmas>().Single().Applied);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        File.Delete(_file + "-wal");
        File.Delete(_file + "-shm");
    }
}
