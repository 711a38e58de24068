using Microsoft.EntityFrameworkCore;

namespace Ksst.Platform.Sqlite;

/// <summary>Loads a service's demo or reference data after migrations; must be idempotent.</summary>
public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    /// <summary>Stages whatever is missing; the migrator saves and commits it in one unit of work.</summary>
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
