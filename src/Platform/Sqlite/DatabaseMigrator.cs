using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.Platform.Sqlite;

/// <summary>
/// Applies the service's migrations, then its seeders, before the server accepts requests
/// (hosted services start before Kestrel).
/// </summary>
internal sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes) : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork<TContext>>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TContext>>())
        {
            using (AuditCause.Begin($"seed {seeder.GetType().Name}"))
            {
                await unitOfWork.RunAsync(_ => seeder.SeedAsync(db, cancellationToken), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
